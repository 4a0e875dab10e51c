import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * Signing in as the portal does: Cognito's own API, here the local stack's emulator, which
 * the dev-only `/auth/dev-users` names along with the demo people and their password.
 */
interface DevUsers { password: string; cognito: { endpoint: string; clientId: string; userPoolId: string }; items: Array<{ userId: string; phone: string }> }

const directories = new Map<string, Promise<DevUsers>>();
export const devUsers = (apiUrl: string): Promise<DevUsers> => {
  if (!directories.has(apiUrl)) {
    directories.set(apiUrl, fetch(`${apiUrl}/auth/dev-users`).then(async (r) => {
      if (!r.ok) throw new Error(`dev-users: ${r.status}`);
      return (await r.json()) as DevUsers;
    }));
  }
  return directories.get(apiUrl)!;
};

const client = (endpoint: string) =>
  new CognitoIdentityProviderClient({ endpoint, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

export interface Tokens { idToken: string; accessToken: string; refreshToken: string }

export const passwordSignIn = async (apiUrl: string, phone: string, password: string): Promise<Tokens> => {
  const { cognito } = await devUsers(apiUrl);
  const answer = await client(cognito.endpoint).send(
    new InitiateAuthCommand({ ClientId: cognito.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: phone, PASSWORD: password } }),
  );
  const r = answer.AuthenticationResult!;
  return { idToken: r.IdToken!, accessToken: r.AccessToken!, refreshToken: r.RefreshToken! };
};

export const refresh = async (apiUrl: string, refreshToken: string): Promise<string> => {
  const { cognito } = await devUsers(apiUrl);
  const answer = await client(cognito.endpoint).send(
    new InitiateAuthCommand({ ClientId: cognito.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
  );
  return answer.AuthenticationResult!.IdToken!;
};

/** A demo person's ID token, signed in with their phone and the demo password. */
export const demoIdToken = async (apiUrl: string, userId: string): Promise<string> => {
  const users = await devUsers(apiUrl);
  const person = users.items.find((u) => u.userId === userId);
  if (!person) throw new Error(`no demo person ${userId}`);
  return (await passwordSignIn(apiUrl, person.phone, users.password)).idToken;
};

/** The newest code the dev message box holds for `phone`. */
export const latestCode = async (apiUrl: string, phone: string): Promise<string> => {
  const box = (await (await fetch(`${apiUrl}/auth/dev-messages`)).json()) as { items: Array<{ phone: string; code: string }> };
  const message = box.items.find((m) => m.phone === phone);
  if (!message) throw new Error(`no message for ${phone}`);
  return message.code;
};

/** A newcomer through the real sign-up: SignUp, the SMS code from the box, ConfirmSignUp. */
export const signUp = async (apiUrl: string, phone: string, name: string, password: string): Promise<Tokens> => {
  const { cognito } = await devUsers(apiUrl);
  const c = client(cognito.endpoint);
  await c.send(new SignUpCommand({ ClientId: cognito.clientId, Username: phone, Password: password, UserAttributes: [{ Name: 'phone_number', Value: phone }, { Name: 'name', Value: name }] }));
  await c.send(new ConfirmSignUpCommand({ ClientId: cognito.clientId, Username: phone, ConfirmationCode: await latestCode(apiUrl, phone) }));
  return passwordSignIn(apiUrl, phone, password);
};

/** Many users at once without SMS (benchmarks): created confirmed by the pool's admin API. */
export const createConfirmedUser = async (apiUrl: string, phone: string, name: string, password: string): Promise<void> => {
  const { cognito } = await devUsers(apiUrl);
  const c = client(cognito.endpoint);
  await c.send(new AdminCreateUserCommand({ UserPoolId: cognito.userPoolId, Username: phone, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'phone_number', Value: phone }, { Name: 'name', Value: name }] }));
  await c.send(new AdminSetUserPasswordCommand({ UserPoolId: cognito.userPoolId, Username: phone, Password: password, Permanent: true }));
};

/** The emulator's GetUser for an access token (the sign-in benchmark's baseline). */
export const getUser = async (apiUrl: string, accessToken: string): Promise<void> => {
  const { cognito } = await devUsers(apiUrl);
  await client(cognito.endpoint).send(new GetUserCommand({ AccessToken: accessToken }));
};
