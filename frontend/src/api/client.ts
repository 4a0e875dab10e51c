import createClient, { type Middleware } from 'openapi-fetch';
import { freshToken, refreshSession } from '../auth/account';
import { errorFromResponse, isAbort, networkError, transient, unanswered, withRetries } from './errors';
import type { paths } from './schema';
import { clearSession } from './session';

/**
 * The portal's typed client of the Lianxin API: paths, parameters, bodies and answers all come
 * from schema.d.ts (generated from the services' OpenAPI documents). Every call goes to
 * `/api/...`, which the Vite server forwards to the local API with the prefix removed.
 */

/**
 * The documents declare the `idempotency-key` header of value-creating POSTs; the
 * `idempotencyKey` middleware sets it (one key per user action), so callers never pass it.
 */
type WithoutKey<Operation> = Operation extends { parameters: { header: infer Header } }
  ? Omit<Operation, 'parameters'> & { parameters: Omit<Operation['parameters'], 'header'> & { header?: Omit<Header, 'idempotency-key'> } }
  : Operation;
type ClientPaths = { [Path in keyof paths]: { [Method in keyof paths[Path]]: WithoutKey<paths[Path][Method]> } };

/**
 * fetch that rides out an expired token: a call refused with 401 is sent once more after a
 * refresh (with its Idempotency-Key, so a write is still done once). Below the middleware, so
 * the idempotency bookkeeping sees only the final answer.
 */
const fetchWithRefresh = async (request: Request): Promise<Response> => {
  const spare = request.headers.has('Authorization') ? request.clone() : null;
  const response = await fetch(request);
  if (response.status !== 401 || !spare) return response;
  const session = await refreshSession().catch(() => null);
  if (!session) return response;
  spare.headers.set('Authorization', `Bearer ${session.idToken}`);
  return fetch(spare);
};

/**
 * Where the API is, for the client and for links to it (a calendar feed's URL): `/api` on the
 * portal's own origin, which the Vite server forwards. Deployed on AWS the API is the HTTP
 * API's own origin, so this is the one line to change for that.
 */
export const API_BASE = '/api';

export const api = createClient<ClientPaths>({ baseUrl: API_BASE, headers: { Accept: 'application/json' }, fetch: fetchWithRefresh });

// ---- Errors and the session -------------------------------------------------------------

/**
 * The ID token on every call, refreshed first when about to expire. A call still refused
 * with 401 after the refresh (fetchWithRefresh) ends the session as expired. Every refusal
 * becomes an ApiError.
 */
const bearerAndErrors: Middleware = {
  async onRequest({ request }) {
    const token = await freshToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
  },
  async onResponse({ request, response }) {
    if (response.ok) return;
    const error = await errorFromResponse(response);
    if (response.status === 401 && request.headers.has('Authorization')) clearSession('expired');
    throw error;
  },
  onError: ({ error }) => (isAbort(error) ? undefined : networkError(error)),
};
api.use(bearerAndErrors);

// ---- Idempotency keys -----------------------------------------------------------------

/** crypto.randomUUID needs a secure context; a phone on the LAN address may not have one. */
const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * One key per user action. An action is identified by what it sends (method, URL, body):
 * while it has no definitive answer (network failure, 5xx, still in progress) a retry of
 * the same action reuses its key, so the server replays instead of doing it twice. Once
 * answered, the key is dropped and the next click is a new action with a fresh key.
 */
const pendingKeys = new Map<string, string>();
/** Request id → its action, to drop the key once the answer is in. */
const actionOf = new Map<string, string>();

const idempotencyKey: Middleware = {
  async onRequest({ request, id }) {
    const action = `${request.method} ${request.url} ${await request.clone().text()}`;
    let key = pendingKeys.get(action);
    if (!key) pendingKeys.set(action, (key = newIdempotencyKey()));
    actionOf.set(id, action);
    request.headers.set('Idempotency-Key', key);
  },
  async onResponse({ response, id }) {
    const action = actionOf.get(id);
    actionOf.delete(id);
    if (action && (response.ok || !unanswered(await errorFromResponse(response.clone())))) pendingKeys.delete(action);
  },
  onError({ id }) {
    actionOf.delete(id);
  },
};

// ---- Calls ----------------------------------------------------------------------------

/** What openapi-fetch answers; refusals never get here (the middleware throws an ApiError). */
type Answer<Data> = Promise<{ data?: Data; response: Response }>;
const dataOf = async <Data>(answer: Answer<Data>): Promise<Data> => (await answer).data as Data;

/** A read: safe to repeat, so a cold start or a dropped connection is ridden out quietly. */
export const read = <Data>(send: () => Answer<Data>, signal?: AbortSignal): Promise<Data> =>
  withRetries(() => dataOf(send()), transient, 500, signal);

/** The request option that makes a POST a value-creating user action (see `create`). */
export interface Once {
  middleware: Middleware[];
}
const ONCE: Once = { middleware: [idempotencyKey] };

/**
 * A POST that creates value: `send` spreads `once` into its options, which gives the request
 * its action's Idempotency-Key; a couple of quiet retries reuse it, then the user may click again.
 */
export const create = <Data>(send: (once: Once) => Answer<Data>): Promise<Data> => withRetries(() => dataOf(send(ONCE)), unanswered, 400);

/** Any other change: sent once, its refusal shown to the user. */
export const change = <Data>(send: () => Answer<Data>): Promise<Data> => dataOf(send());
