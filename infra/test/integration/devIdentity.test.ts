import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@lianxin/ledger/http/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/demo/district';
import { app as identity } from '../../src/identity/app';
import { localAuthEnv } from '../../src/local/env';

/**
 * The local stage's issuer end to end: dev-login signs an ID token with the key it keeps in
 * its file, and a service verifies it with the JWKS it fetches over HTTP from the issuer,
 * exactly as `npm start` wires it (the issuer served here on a loopback port).
 */
const ledger = createApp();
const demo = people[0]!;
let server: Server;
let keyFile: string;

beforeAll(async () => {
  // The verifier fetches the JWKS with GET; that is all this bridge serves.
  server = createServer(async (req, res) => {
    const answer = await identity.request(req.url ?? '/');
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  keyFile = join(mkdtempSync(join(tmpdir(), 'lianxin-identity-')), 'key.json');
  Object.assign(process.env, localAuthEnv((server.address() as AddressInfo).port), { DEV_IDENTITY_KEY_FILE: keyFile });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const login = (userId: string) =>
  identity.request('/auth/dev-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });

describe('the dev identity provider', () => {
  it('lists the demo people to log in as', async () => {
    const res = await identity.request('/auth/dev-users');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: Array<{ userId: string }> }).items.map((u) => u.userId)).toContain(demo.userId);
  });

  it("signs an RS256 ID token with Cognito's claims, which a service verifies through the JWKS", async () => {
    const res = await login(demo.userId);
    expect(res.status).toBe(200);
    const { token, user } = (await res.json()) as { token: string; user: { userId: string } };
    expect(user.userId).toBe(demo.userId);
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part!, 'base64url').toString()));
    expect(header.alg).toBe('RS256');
    expect(payload).toMatchObject({ sub: demo.userId, 'cognito:groups': demo.roles, token_use: 'id', iss: process.env.AUTH_ISSUER, aud: process.env.AUTH_CLIENT_ID });
    expect(payload.exp).toBeGreaterThan(payload.iat);
    const points = await ledger.request('/me/points', { headers: { authorization: `Bearer ${token}` } });
    expect(points.status).toBe(200);
  });

  it('keeps its key in the file it was given, readable by its owner only, and serves that key', async () => {
    const jwks = (await (await identity.request('/auth/.well-known/jwks.json')).json()) as { keys: Array<{ kid: string; d?: string }> };
    const kept = JSON.parse(readFileSync(keyFile, 'utf8')) as { publicJwk: { kid: string } };
    expect(jwks.keys.map((k) => k.kid)).toEqual([kept.publicJwk.kid]);
    expect(jwks.keys[0]?.d).toBeUndefined();
    expect(statSync(keyFile).mode & 0o077).toBe(0);
  });

  it('answers 404 for an unknown person', async () => {
    expect((await login('u-nobody')).status).toBe(404);
  });

  it('answers nothing unless the stage is local', async () => {
    process.env.AUTH_MODE = 'cognito';
    try {
      expect((await login(demo.userId)).status).toBe(404);
      expect((await identity.request('/auth/.well-known/jwks.json')).status).toBe(404);
    } finally {
      process.env.AUTH_MODE = 'local';
    }
  });
});
