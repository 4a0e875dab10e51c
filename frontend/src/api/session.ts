/**
 * The signed-in person: the tokens the user pool issued and the person their ID token
 * describes. Kept in localStorage so a reload (or a second tab) stays signed in; every
 * change is announced to the app, including one made in another tab.
 */
export type Role = 'volunteer' | 'organizer' | 'merchant' | 'admin';

/** The principal as the ID token's claims carry it (src/auth/claims.ts reads them). */
export interface User {
  userId: string;
  name: string;
  /** E.164 (+86…), when the token carries it. */
  phone?: string;
  roles: Role[];
  tags: string[];
  scopes: string[];
  gridId?: string;
  /** A demo person's title on the local stage (the login page's list gives it). */
  title?: string;
  titleEn?: string;
}

export interface Session {
  /** The bearer of every API call; the services verify it. */
  idToken: string;
  /** Only for GlobalSignOut. */
  accessToken: string;
  refreshToken: string;
  user: User;
}

const KEY = 'lianxin.session';

/**
 * Why a session ended, when it was not the person signing out: its tokens were refused
 * (`expired`), or the person closed their account (`closed`).
 */
export type Ending = 'expired' | 'closed';
type Listener = (session: Session | null, ending: Ending | null) => void;
const listeners = new Set<Listener>();

export const loadSession = (): Session | null => {
  try {
    const raw = localStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    // A session stored by an older portal (or half written) is no session.
    return session?.idToken && session.refreshToken && session.accessToken && session.user ? (session as Session) : null;
  } catch {
    return null;
  }
};

const announce = (ending: Ending | null = null) => {
  const session = loadSession();
  for (const listener of listeners) listener(session, ending);
};

export const saveSession = (session: Session): void => {
  localStorage.setItem(KEY, JSON.stringify(session));
  announce();
};

/** Signed out; `ending` says why when it was not the person's choice (the login page then says so). */
export const clearSession = (ending: Ending | null = null): void => {
  localStorage.removeItem(KEY);
  announce(ending);
};

/** Called with the new session (or null) whenever it changes, here or in another tab. */
export const onSessionChange = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

window.addEventListener('storage', (event) => {
  if (event.key === KEY || event.key === null) announce();
});

/** The bearer token of the stored session, read on every request (another tab may have signed out). */
export const currentToken = (): string | null => loadSession()?.idToken ?? null;

/** `org:<id>` → ids, from the user's scopes. */
export const scopeIds = (user: User, kind: string): string[] =>
  user.scopes.filter((s) => s.startsWith(`${kind}:`)).map((s) => s.slice(kind.length + 1));
