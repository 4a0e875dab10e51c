import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ApiError } from '../api/errors';
import { authConfig, missingAuthSettings } from './config';

/**
 * The user pool's public API, as the portal calls it: every operation here is one Cognito
 * allows without AWS credentials (the app client id is the only secret-free identification;
 * GlobalSignOut is authorised by the access token itself). The SDK is loaded on first use,
 * so a signed-in person's first screen does not wait for it.
 */

interface Tokens {
  idToken: string;
  accessToken: string;
  /** Absent when refreshing: Cognito keeps the refresh token it issued at sign-in. */
  refreshToken?: string;
}

type Sdk = typeof import('@aws-sdk/client-cognito-identity-provider');

let loaded: Promise<{ sdk: Sdk; client: CognitoIdentityProviderClient; clientId: string }> | null = null;

const connect = () => {
  if (!authConfig) return Promise.reject(new ApiError(0, 'AUTH_NOT_CONFIGURED', missingAuthSettings.join(', ')));
  const { region, clientId, endpoint } = authConfig;
  loaded ??= import('@aws-sdk/client-cognito-identity-provider').then((sdk) => ({
    sdk,
    client: new sdk.CognitoIdentityProviderClient({ region, ...(endpoint ? { endpoint } : {}) }),
    clientId,
  }));
  return loaded;
};

/**
 * Cognito's refusals as the portal's ApiError, so ErrorNotice translates them like any API
 * error (messages/auth.ts). Unknown account and wrong password read the same on purpose.
 */
const CODES: Record<string, string> = {
  UsernameExistsException: 'AUTH_PHONE_TAKEN',
  AliasExistsException: 'AUTH_PHONE_TAKEN',
  CodeMismatchException: 'AUTH_CODE_WRONG',
  ExpiredCodeException: 'AUTH_CODE_EXPIRED',
  NotAuthorizedException: 'AUTH_WRONG_CREDENTIALS',
  UserNotFoundException: 'AUTH_WRONG_CREDENTIALS',
  UserNotConfirmedException: 'AUTH_NOT_CONFIRMED',
  LimitExceededException: 'AUTH_TOO_MANY_ATTEMPTS',
  TooManyRequestsException: 'AUTH_TOO_MANY_ATTEMPTS',
  TooManyFailedAttemptsException: 'AUTH_TOO_MANY_ATTEMPTS',
  InvalidPasswordException: 'AUTH_WEAK_PASSWORD',
  InvalidParameterException: 'AUTH_INVALID_INPUT',
  CodeDeliveryFailureException: 'AUTH_SMS_NOT_SENT',
  PasswordResetRequiredException: 'AUTH_RESET_REQUIRED',
};

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const authError = (error: unknown): ApiError => {
  if (error instanceof ApiError) return error;
  const e = (error ?? {}) as SdkError;
  // fetch's own failure: no answer at all.
  if (e.name === 'TypeError' || e.name === 'NetworkError') return new ApiError(0, 'NETWORK', e.message ?? '');
  const status = e.$metadata?.httpStatusCode ?? 400;
  return new ApiError(status, CODES[e.name ?? ''] ?? (status >= 500 ? 'INTERNAL' : 'AUTH_FAILED'), e.message ?? String(error));
};

const call = async <T>(send: (c: Awaited<ReturnType<typeof connect>>) => Promise<T>): Promise<T> => {
  try {
    return await send(await connect());
  } catch (error) {
    throw authError(error);
  }
};

/** A new login: the phone (E.164) is the username, the display name the `name` attribute. An SMS code follows. */
export const signUp = (phone: string, password: string, name: string): Promise<void> =>
  call(async ({ sdk, client, clientId }) => {
    const attributes = [
      { Name: 'phone_number', Value: phone },
      { Name: 'name', Value: name },
    ];
    await client.send(new sdk.SignUpCommand({ ClientId: clientId, Username: phone, Password: password, UserAttributes: attributes }));
  });

export const confirmSignUp = (phone: string, code: string): Promise<void> =>
  call(async ({ sdk, client, clientId }) => {
    await client.send(new sdk.ConfirmSignUpCommand({ ClientId: clientId, Username: phone, ConfirmationCode: code }));
  });

export const resendCode = (phone: string): Promise<void> =>
  call(async ({ sdk, client, clientId }) => {
    await client.send(new sdk.ResendConfirmationCodeCommand({ ClientId: clientId, Username: phone }));
  });

export const forgotPassword = (phone: string): Promise<void> =>
  call(async ({ sdk, client, clientId }) => {
    await client.send(new sdk.ForgotPasswordCommand({ ClientId: clientId, Username: phone }));
  });

export const confirmForgotPassword = (phone: string, code: string, password: string): Promise<void> =>
  call(async ({ sdk, client, clientId }) => {
    await client.send(new sdk.ConfirmForgotPasswordCommand({ ClientId: clientId, Username: phone, ConfirmationCode: code, Password: password }));
  });

type AuthFlow = { flow: 'USER_PASSWORD_AUTH'; params: { USERNAME: string; PASSWORD: string } } | { flow: 'REFRESH_TOKEN_AUTH'; params: { REFRESH_TOKEN: string } };

const initiateAuth = ({ flow, params }: AuthFlow): Promise<Tokens> =>
  call(async ({ sdk, client, clientId }) => {
    const answer = await client.send(new sdk.InitiateAuthCommand({ ClientId: clientId, AuthFlow: flow, AuthParameters: params }));
    const result = answer.AuthenticationResult;
    // The pool asks for no MFA or new-password challenge; one would be a configuration change.
    if (!result?.IdToken || !result.AccessToken) throw new ApiError(400, 'AUTH_CHALLENGE', answer.ChallengeName ?? 'no tokens');
    return { idToken: result.IdToken, accessToken: result.AccessToken, ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}) };
  });

/** A sign-in sets no password, so a password refusal means a wrong one (the local emulator answers it with InvalidPasswordException). */
export const passwordSignIn = (phone: string, password: string): Promise<Tokens> =>
  initiateAuth({ flow: 'USER_PASSWORD_AUTH', params: { USERNAME: phone, PASSWORD: password } }).catch((error: ApiError) => {
    throw error.code === 'AUTH_WEAK_PASSWORD' ? new ApiError(error.status, 'AUTH_WRONG_CREDENTIALS', error.message) : error;
  });

export const refreshTokens = (refreshToken: string): Promise<Tokens> => initiateAuth({ flow: 'REFRESH_TOKEN_AUTH', params: { REFRESH_TOKEN: refreshToken } });

/** Every refresh token of the person stops working, on every device. */
export const globalSignOut = (accessToken: string): Promise<void> =>
  call(async ({ sdk, client }) => {
    await client.send(new sdk.GlobalSignOutCommand({ AccessToken: accessToken }));
  });
