/**
 * Helpers for tests of any service: call a Hono app in-process as a given person, and wrap
 * an envelope the way EventBridge delivers it to a consumer. No storage is mocked.
 */
import { readFileSync } from 'node:fs';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { Principal } from './auth/principal';
import { type SigningKey, jwksOf, mintIdToken, newSigningKey, readAuthConfig, tokenVerifier } from './auth/token';
import { type Envelope, detailTypeOf } from './events/envelope';
import type { ServiceApp } from './http/app';
import { newId } from './ids';

export const person = (overrides: Partial<Principal> & Pick<Principal, 'roles'>): Principal => ({
  userId: newId('u'),
  name: 'Test person',
  tags: [],
  scopes: [],
  ...overrides,
});

/**
 * Tests sign real RS256 ID tokens, verified by production's code unchanged. Integration runs
 * get the issuer from the global setup (AUTH_* and TEST_SIGNING_KEY_FILE; it serves the JWKS
 * on the loopback); a process without one (unit tests) is its own issuer. Either way the key's
 * JWKS is also handed to this module graph's verifier (cacheJwks), which saves the fetch.
 */
const TEST_AUTH_ENV = {
  AUTH_MODE: 'local',
  AUTH_ISSUER: 'https://identity.lianxin.test',
  AUTH_JWKS_URI: 'https://identity.lianxin.test/.well-known/jwks.json',
  AUTH_CLIENT_ID: 'lianxin-test-client',
};
if (!process.env.AUTH_MODE) Object.assign(process.env, TEST_AUTH_ENV);

let testKey: SigningKey | undefined;
const trusting = new WeakSet<object>();

/** The test issuer's key, trusted by the current verifier; tests that shape their own tokens sign with it. */
export const testSigningKey = (): SigningKey => {
  const file = process.env.TEST_SIGNING_KEY_FILE;
  testKey ??= file ? (JSON.parse(readFileSync(file, 'utf8')) as SigningKey) : newSigningKey();
  const verifier = tokenVerifier();
  if (!trusting.has(verifier)) {
    verifier.cacheJwks(jwksOf(testKey));
    trusting.add(verifier);
  }
  return testKey;
};

/** A valid ID token for `p` from the test issuer. */
export const testToken = (p: Principal, options?: Parameters<typeof mintIdToken>[3]): Promise<string> =>
  mintIdToken(p, testSigningKey(), readAuthConfig(), options);

export interface CallOptions { body?: unknown; rawBody?: string; idempotencyKey?: string; headers?: Record<string, string> }

/** `call(app, person)('POST', '/x', { body })` → `{ status, body }` with JSON parsed. */
export const caller = (app: ServiceApp, as?: Principal) => async (method: string, path: string, options: CallOptions = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (as) headers.authorization = `Bearer ${await testToken(as)}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
};

export const busEvent = (e: Envelope): EventBridgeEvent<string, Envelope> => ({
  version: '0',
  id: newId('bus'),
  'detail-type': detailTypeOf(e.type, e.version),
  source: e.source,
  account: '000000000000',
  time: e.occurredAt,
  region: 'ap-east-1',
  resources: [],
  detail: e,
});

export const lambdaContext = {} as Context;
