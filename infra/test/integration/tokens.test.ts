import { createApp } from '@lianxin/ledger/http/app';
import { claimsFromPrincipal } from '@lianxin/shared/auth/principal';
import { mintIdToken, newSigningKey, readAuthConfig } from '@lianxin/shared/auth/token';
import { person, testSigningKey, testToken } from '@lianxin/shared/testing';
import { sign } from 'hono/jwt';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The one verification path (shared/src/auth/token.ts), through a real service route:
 * every token the issuer did not sign for this client, as an unexpired ID token, is a 401
 * in the API's error format.
 */
const app = createApp();
const me = person({ roles: ['volunteer'] });
const now = () => Math.floor(Date.now() / 1000);
const b64 = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');

const getPoints = (token: string) => app.request('/me/points', { headers: { authorization: `Bearer ${token}` } });

/** A token signed by the trusted test key with exactly `payload`. */
const signedWith = (payload: Record<string, unknown>) => sign(payload, testSigningKey().privateJwk);
const validPayload = () => {
  const { issuer, clientId } = readAuthConfig();
  return { ...claimsFromPrincipal(me), iss: issuer, aud: clientId, token_use: 'id', iat: now(), exp: now() + 600 };
};

const refused: Array<[string, () => Promise<string>]> = [
  ['a forged payload under a genuine signature', async () => {
    const [header, , signature] = (await testToken(me)).split('.');
    return `${header}.${b64({ ...validPayload(), 'lianxin:roles': 'admin' })}.${signature}`;
  }],
  ['a token signed by another key under the trusted key id', async () => {
    const impostor = newSigningKey();
    return sign(validPayload(), { ...impostor.privateJwk, kid: testSigningKey().privateJwk.kid });
  }],
  ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT', kid: testSigningKey().privateJwk.kid })}.${b64(validPayload())}.`],
  ['an expired token', () => testToken(me, { nowSeconds: now() - 7200, ttlSeconds: 3600 })],
  ['a token for another app client', () => mintIdToken(me, testSigningKey(), { issuer: readAuthConfig().issuer, clientId: 'someone-elses-client' })],
  ['a token from another issuer', () => mintIdToken(me, testSigningKey(), { issuer: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_other', clientId: readAuthConfig().clientId })],
  ['a token without exp', () => {
    const { exp: _, ...payload } = validPayload();
    return signedWith(payload);
  }],
  ['an access token', () => signedWith({ ...validPayload(), token_use: 'access' })],
  ['roles given as a list', () => signedWith({ ...validPayload(), 'lianxin:roles': ['admin'] })],
  ['no token at all, only the scheme', async () => ''],
];

describe('ID tokens', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('accepts a valid ID token from the trusted issuer', async () => {
    const res = await getPoints(await testToken(me));
    expect(res.status).toBe(200);
  });

  it.each(refused)('refuses %s with 401', async (_, token) => {
    const res = await getPoints(await token());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('fails closed when the stage names no auth mode: a valid token is refused too', async () => {
    const token = await testToken(me);
    delete process.env.AUTH_MODE;
    const res = await getPoints(token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not configured/);
  });

  it('does not know the retired dev mode', async () => {
    const token = await testToken(me);
    process.env.AUTH_MODE = 'dev';
    expect((await getPoints(token)).status).toBe(401);
  });
});
