import { errorFromResponse, isAbort, networkError, transient, withRetries } from './errors';
import type { Role } from './session';

/**
 * The local stage's dev helpers under /api/auth (404 on every other stage), called without a
 * token. HAND-WRITTEN TYPES: these routes have no OpenAPI document.
 */

/** A demo person: a real user of the local user pool, who signs in with `password`. */
export interface DemoPerson {
  userId: string;
  /** E.164, the username. */
  phone: string;
  name: string;
  roles: Role[];
  title: string;
  titleEn: string;
}

/** One SMS the local user pool "sent" (sign-up, resend, forgotten password). */
interface DevMessage {
  at: string;
  phone: string;
  code: string;
  message: string;
}

const devGet = async <T>(path: string, signal?: AbortSignal): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    throw isAbort(error) ? error : networkError(error);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
};

/** The demo people and their shared demo password; the first call of a cold stack may hit a starting function, so it retries. */
export const devUsers = (signal?: AbortSignal) =>
  withRetries(() => devGet<{ password: string; items: DemoPerson[] }>('/auth/dev-users', signal), transient, 500, signal);

/** The SMS dev box, newest first. */
export const devMessages = (signal?: AbortSignal) => devGet<{ items: DevMessage[] }>('/auth/dev-messages', signal);
