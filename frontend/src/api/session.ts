import { errorFromResponse, isAbort, networkError, transient, withRetries } from './errors';

/**
 * The signed-in person and the local stage's dev identity (`/auth/dev-users`, `/auth/dev-login`).
 * HAND-WRITTEN TYPES: the dev identity endpoints have no OpenAPI document, so the types below
 * follow infra/src/identity/app.ts by hand. Everything else comes from schema.d.ts.
 */
export type Role = 'volunteer' | 'organizer' | 'merchant' | 'admin';

/** The principal as dev-login answers it (roles, tags, `kind:id` scopes, home grid). */
export interface User {
  userId: string;
  name: string;
  roles: Role[];
  tags: string[];
  scopes: string[];
  gridId?: string;
  title?: string;
  titleEn?: string;
}

/** A demo person of the login page. */
export interface DevUser extends User {
  title: string;
  titleEn: string;
}

export interface Session {
  token: string;
  user: User;
}

// ---- Storage --------------------------------------------------------------------------

const TOKEN_KEY = 'lianxin.token';
const USER_KEY = 'lianxin.user';

export const loadSession = (): Session | null => {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const user = localStorage.getItem(USER_KEY);
    if (!token || !user) return null;
    return { token, user: JSON.parse(user) as User };
  } catch {
    return null;
  }
};

export const saveSession = (session: Session): void => {
  localStorage.setItem(TOKEN_KEY, session.token);
  localStorage.setItem(USER_KEY, JSON.stringify(session.user));
};

export const clearSession = (): void => {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
};

/** The bearer token of the stored session, read on every request (another tab may have signed out). */
export const currentToken = (): string | null => {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
};

/** `org:<id>` → ids, from the user's scopes. */
export const scopeIds = (user: User, kind: string): string[] =>
  user.scopes.filter((s) => s.startsWith(`${kind}:`)).map((s) => s.slice(kind.length + 1));

// ---- Dev identity (no bearer token) ---------------------------------------------------

const devCall = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) } });
  } catch (error) {
    throw isAbort(error) ? error : networkError(error);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
};

/** The demo people; the first call of a cold stack may hit a starting function, so it retries. */
export const devUsers = (signal?: AbortSignal): Promise<{ items: DevUser[] }> =>
  withRetries(() => devCall<{ items: DevUser[] }>('/auth/dev-users', signal ? { signal } : {}), transient, 500, signal);

export const devLogin = (userId: string): Promise<Session> =>
  devCall<Session>('/auth/dev-login', { method: 'POST', body: JSON.stringify({ userId }) });
