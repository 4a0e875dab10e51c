import { randomUUID } from 'node:crypto';
import { demoIdToken } from './cognito';

export interface Answer<T = any> { status: number; body: T; headers: Headers }

/** A tiny client of the public API, signed in (through Cognito) as one demo person. */
export const signIn = async (apiUrl: string, userId: string) => withToken(apiUrl, await demoIdToken(apiUrl, userId));

export type ApiClient = ReturnType<typeof withToken>;

/** A client carrying a bearer token the caller already has. */
export const withToken = (apiUrl: string, token: string) => {
  const send = async <T = any>(method: string, path: string, body?: unknown, idempotencyKey?: string, extra: Record<string, string> = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const res = await fetch(`${apiUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  return {
    get: <T = any>(path: string) => send<T>('GET', path),
    put: <T = any>(path: string, body: unknown) => send<T>('PUT', path, body),
    post: <T = any>(path: string, body: unknown = {}, idempotencyKey: string = randomUUID(), headers?: Record<string, string>) =>
      send<T>('POST', path, body, idempotencyKey, headers),
  };
};

/** Retry `probe` until `done` holds (the event chain is asynchronous), or fail with the last answer. */
export const eventually = async <T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`Not reached within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await probe();
  }
  return last;
};
