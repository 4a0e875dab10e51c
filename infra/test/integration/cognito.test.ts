import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeMismatchException,
  type CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { seedPeople } from '@lianxin/people/app/seed';
import { handler as tokenClaims } from '@lianxin/people/handlers/tokenClaims';
import { createApp as peopleApp } from '@lianxin/people/http/app';
import { verifyIdToken } from '@lianxin/shared/auth/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, alliance, communities, grids, merchants, organizations, people, streets } from '../../src/demo/district';
import { readDevMessages } from '../../src/local/cognito/messageBox';
import { type LocalPool, cognitoClient, cognitoDefinitions, ensurePool, seedUsers } from '../../src/local/cognito/pool';
import { waitForPort } from '../../src/local/dynamo';
import { localAuthEnv } from '../../src/local/env';
import { spawnGroup, stopGroup } from '../../src/local/processes';

/**
 * The local identity provider end to end: the Cognito emulator as the stack runs it, with the
 * people service's real token trigger (invoked over Lambda's HTTP invoke API, served here by
 * a bridge to the handler, as serverless-offline serves it under `npm start`), its tokens
 * verified by the services' own code. Sign-up, the SMS code in the dev box, sign-in, grants
 * reaching the token on refresh, sign-out everywhere, password reset, and data kept on disk.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const PORT = 9100 + (process.pid % 50);
let bridge: Server;
let emulator: ChildProcess;
let dataDir: string;
let pool: LocalPool;
let cognito: CognitoIdentityProviderClient;
const box = () => join(dataDir, 'messages.jsonl');

const startEmulator = async (lambdaPort: number) => {
  emulator = spawnGroup(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'infra', 'src', 'local', 'cognito', 'emulator.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      COGNITO_PORT: String(PORT), COGNITO_DATA_DIR: dataDir, COGNITO_LAMBDA_ENDPOINT: `http://127.0.0.1:${lambdaPort}`,
      COGNITO_TOKEN_TRIGGER: 'lianxin-local-peopleTokenClaims', DEV_MESSAGE_BOX_FILE: box(),
      COGNITO_SMS_TEMPLATE: cognitoDefinitions().UserPool.Properties.SmsVerificationMessage,
    },
    log: () => undefined,
    name: 'cognito',
  });
  await waitForPort(PORT, 30_000);
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lianxin-cognito-'));
  bridge = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const answer = await tokenClaims(JSON.parse(Buffer.concat(chunks).toString('utf8')), {} as never, () => undefined);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch (error) {
      // How Lambda reports a function's error to its invoker.
      res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' }).end(JSON.stringify({ errorMessage: (error as Error).message }));
    }
  });
  await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', resolve));
  await startEmulator((bridge.address() as AddressInfo).port);
  cognito = cognitoClient(`http://127.0.0.1:${PORT}`);
  pool = await ensurePool(cognito, join(dataDir, 'pool.json'));
  Object.assign(process.env, localAuthEnv(PORT, pool));
  await seedPeople({ streets, communities, grids, organizations, alliance, merchants, people });
  await seedUsers(cognito, pool, people, DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  if (emulator) await stopGroup(emulator);
  await new Promise<void>((resolve) => bridge?.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

const signIn = async (phone: string, password: string) => {
  const answer = await cognito.send(new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: phone, PASSWORD: password } }));
  return answer.AuthenticationResult!;
};
const refresh = async (refreshToken: string) =>
  (await cognito.send(new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }))).AuthenticationResult!;
const codeFor = async (phone: string) => (await readDevMessages(box())).find((m) => m.phone === phone)!;

const NEWCOMER = { phone: '+8613912340001', password: 'newcomer2026', name: '林新' };

describe('the local Cognito emulator with the people service trigger', () => {
  it('signs a newcomer up by mobile number, with the SMS code in the dev message box', async () => {
    const signUp = await cognito.send(new SignUpCommand({
      ClientId: pool.clientId, Username: NEWCOMER.phone, Password: NEWCOMER.password,
      UserAttributes: [{ Name: 'phone_number', Value: NEWCOMER.phone }, { Name: 'name', Value: NEWCOMER.name }],
    }));
    expect(signUp.UserConfirmed).toBe(false);
    expect(signUp.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'SMS', Destination: NEWCOMER.phone });
    const sms = await codeFor(NEWCOMER.phone);
    expect(sms.code).toMatch(/^\d{6}$/);
    expect(sms.message).toContain(sms.code);
    expect(sms.message).toContain('【连心】');
    await expect(signIn(NEWCOMER.phone, NEWCOMER.password)).rejects.toThrow();
    const wrong = sms.code === '000000' ? '111111' : '000000';
    await expect(cognito.send(new ConfirmSignUpCommand({ ClientId: pool.clientId, Username: NEWCOMER.phone, ConfirmationCode: wrong }))).rejects.toBeInstanceOf(CodeMismatchException);
    await cognito.send(new ConfirmSignUpCommand({ ClientId: pool.clientId, Username: NEWCOMER.phone, ConfirmationCode: sms.code }));
  });

  it('gives the newcomer a verified ID token that makes them a volunteer and nothing more', async () => {
    const tokens = await signIn(NEWCOMER.phone, NEWCOMER.password);
    const principal = await verifyIdToken(tokens.IdToken!);
    expect(principal).toMatchObject({ roles: ['volunteer'], scopes: [], tags: [], phone: NEWCOMER.phone });
    expect(principal.userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a seeded demo person exactly their demo roles, scopes, tags and grid', async () => {
    for (const demo of [people.find((p) => p.userId === 'u-lihong')!, people.find((p) => p.userId === 'u-shop-liansheng')!, people.find((p) => p.userId === 'u-zhangwei')!]) {
      const principal = await verifyIdToken((await signIn(demo.phone, DEMO_PASSWORD)).IdToken!);
      expect(principal.userId).toBe(demo.userId);
      expect([...principal.roles].sort()).toEqual([...demo.roles].sort());
      expect([...principal.scopes].sort()).toEqual([...demo.scopes].sort());
      expect([...principal.tags].sort()).toEqual([...demo.tags].sort());
      expect(principal.gridId).toBe(demo.gridId);
    }
  });

  it('puts a role an admin grants into the next token, and takes a revoked one out, on refresh', async () => {
    const admin = people.find((p) => p.userId === 'u-admin')!;
    const adminToken = (await signIn(admin.phone, DEMO_PASSWORD)).IdToken!;
    const newcomer = await signIn(NEWCOMER.phone, NEWCOMER.password);
    const personId = (await verifyIdToken(newcomer.IdToken!)).userId;
    const app = peopleApp();
    const as = (token: string, method: string, body: unknown) => ({
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const me = (await (await app.request('/people/me', { headers: { authorization: `Bearer ${newcomer.IdToken!}` } })).json()) as { privacyNotice: { version: string } };
    expect((await app.request('/people/me/consents', as(newcomer.IdToken!, 'POST', { version: me.privacyNotice.version }))).status).toBe(200);
    const profile = { displayName: NEWCOMER.name, gridId: 'g-hubin-2', skills: ['护理'], availability: ['weekend'] };
    expect((await app.request('/people/me/profile', as(newcomer.IdToken!, 'PUT', profile))).status).toBe(200);
    const grant = await app.request('/people/grants', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'idempotency-key': `grant-${personId}` },
      body: JSON.stringify({ personId, role: 'organizer', scope: 'org:org-cpb-hubin', reason: '社区党委新任组织委员' }),
    });
    expect(grant.status).toBe(201);
    const granted = await verifyIdToken((await refresh(newcomer.RefreshToken!)).IdToken!);
    expect(granted).toMatchObject({ name: NEWCOMER.name, gridId: 'g-hubin-2' });
    expect(granted.roles).toEqual(expect.arrayContaining(['volunteer', 'organizer']));
    expect(granted.scopes).toContain('org:org-cpb-hubin');
    const { grantId } = (await grant.json()) as { grantId: string };
    const revoke = await app.request(`/people/grants/${grantId}/revoke`, as(adminToken, 'POST', { reason: '任期结束' }));
    expect(revoke.status).toBe(200);
    const revoked = await verifyIdToken((await refresh(newcomer.RefreshToken!)).IdToken!);
    expect(revoked.roles).toEqual(['volunteer']);
    expect(revoked.scopes).toEqual(['grid:g-hubin-2']);
  });

  it('signs out everywhere: no session of the person can refresh any more', async () => {
    const phone = people.find((p) => p.userId === 'u-chenjing')!.phone;
    const [laptop, phoneSession] = [await signIn(phone, DEMO_PASSWORD), await signIn(phone, DEMO_PASSWORD)];
    expect((await refresh(phoneSession.RefreshToken!)).IdToken).toBeTruthy();
    await cognito.send(new GlobalSignOutCommand({ AccessToken: laptop.AccessToken! }));
    await expect(refresh(laptop.RefreshToken!)).rejects.toBeInstanceOf(NotAuthorizedException);
    await expect(refresh(phoneSession.RefreshToken!)).rejects.toBeInstanceOf(NotAuthorizedException);
    await expect(cognito.send(new GlobalSignOutCommand({ AccessToken: `${laptop.AccessToken!.slice(0, -4)}AAAA` }))).rejects.toBeInstanceOf(NotAuthorizedException);
  });

  it('resets a forgotten password with an SMS code', async () => {
    const asked = await cognito.send(new ForgotPasswordCommand({ ClientId: pool.clientId, Username: NEWCOMER.phone }));
    expect(asked.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'SMS', Destination: NEWCOMER.phone });
    const sms = await codeFor(NEWCOMER.phone);
    await cognito.send(new ConfirmForgotPasswordCommand({ ClientId: pool.clientId, Username: NEWCOMER.phone, ConfirmationCode: sms.code, Password: 'changed2026' }));
    // Cognito answers a wrong password NotAuthorizedException; the emulator InvalidPasswordException.
    await expect(signIn(NEWCOMER.phone, NEWCOMER.password)).rejects.toThrow(/password/i);
    expect((await signIn(NEWCOMER.phone, 'changed2026')).IdToken).toBeTruthy();
  });

  it('keeps the people who signed up across a restart of the emulator', async () => {
    await stopGroup(emulator);
    await startEmulator((bridge.address() as AddressInfo).port);
    expect(await ensurePool(cognito, join(dataDir, 'pool.json'))).toEqual(pool);
    expect((await signIn(NEWCOMER.phone, 'changed2026')).IdToken).toBeTruthy();
  }, 40_000);
});
