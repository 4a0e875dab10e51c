/**
 * Helpers for tests of any service: call a Hono app in-process as a given person, and wrap
 * an envelope the way EventBridge delivers it to a consumer. No storage is mocked.
 */
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { Principal } from './auth/principal';
import { issueDevToken } from './auth/token';
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

export interface CallOptions { body?: unknown; rawBody?: string; idempotencyKey?: string; headers?: Record<string, string> }

/** `call(app, person)('POST', '/x', { body })` → `{ status, body }` with JSON parsed. */
export const caller = (app: ServiceApp, as?: Principal) => async (method: string, path: string, options: CallOptions = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (as) headers.authorization = `Bearer ${await issueDevToken(as)}`;
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
