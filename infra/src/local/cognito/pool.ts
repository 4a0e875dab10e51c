import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { parse } from 'yaml';

/**
 * The local user pool and portal client, made from the same definitions as the AWS stages'
 * (infra/resources/cognito.yml: sign-in by mobile number, SMS verification and its message,
 * password policy, token lifetimes, auth flows), so the portal meets the same rules locally.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

interface CognitoResources {
  UserPool: { Properties: CreateUserPoolCommandInput & { SmsVerificationMessage: string } };
  PortalClient: { Properties: CreateUserPoolClientCommandInput };
}

/** The two resources' properties; CloudFormation's tags (!Ref, !GetAtt) are not needed here. */
export const cognitoDefinitions = (): CognitoResources => {
  const text = readFileSync(join(ROOT, 'infra', 'resources', 'cognito.yml'), 'utf8');
  return parse(text, { logLevel: 'silent' }).Resources as CognitoResources;
};

export interface LocalPool { userPoolId: string; clientId: string }

export const cognitoClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({ endpoint, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** The pool named in `file` if the data is kept, else a new pool and client (written to `file`). */
export const ensurePool = async (client: CognitoIdentityProviderClient, file: string): Promise<LocalPool> => {
  const kept = await readFile(file, 'utf8').then((t) => JSON.parse(t) as LocalPool, () => undefined);
  if (kept) return kept;
  const { UserPool: pool, PortalClient: portal } = cognitoDefinitions();
  const p = pool.Properties;
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'lianxin-local',
      UsernameAttributes: p.UsernameAttributes,
      AutoVerifiedAttributes: p.AutoVerifiedAttributes,
      SmsVerificationMessage: p.SmsVerificationMessage,
      Policies: p.Policies,
    }),
  );
  const userPoolId = created.UserPool!.Id!;
  const c = portal.Properties;
  const app = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'lianxin-local-portal',
      ExplicitAuthFlows: c.ExplicitAuthFlows,
      IdTokenValidity: c.IdTokenValidity,
      AccessTokenValidity: c.AccessTokenValidity,
      RefreshTokenValidity: c.RefreshTokenValidity,
      TokenValidityUnits: c.TokenValidityUnits,
    }),
  );
  const local = { userPoolId, clientId: app.UserPoolClient!.ClientId! };
  await writeFile(file, JSON.stringify(local));
  return local;
};

export interface SeedUser { userId: string; phone: string; name: string }

/**
 * The demo district's people as real users with one password, their `sub` equal to the ids
 * the seeded activities and ledger use. Idempotent: a user already there is left alone.
 */
export const seedUsers = async (client: CognitoIdentityProviderClient, pool: LocalPool, users: SeedUser[], password: string) => {
  for (const u of users) {
    try {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: pool.userPoolId,
          Username: u.phone,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'sub', Value: u.userId },
            { Name: 'phone_number', Value: u.phone },
            { Name: 'phone_number_verified', Value: 'true' },
            { Name: 'name', Value: u.name },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
      continue;
    }
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.userPoolId, Username: u.phone, Password: password, Permanent: true }));
  }
};
