import { ApiError } from '../api/errors';
import { type Session, type User, clearSession, loadSession, saveSession } from '../api/session';
import { expiresAt, userFromIdToken } from './claims';
import { globalSignOut, passwordSignIn, refreshTokens } from './cognito';

/**
 * The session's life: signing in makes one from the pool's tokens, refreshing replaces the ID
 * and access tokens (the claims may have changed: a grant, a profile), signing out ends it
 * here or, with GlobalSignOut, on every device.
 */

/** Refresh this long before the ID token expires, so no call goes out with a dying token. */
export const REFRESH_MARGIN_MS = 2 * 60_000;

type Extras = Pick<User, 'title' | 'titleEn'>;

/** `extras`: what the token does not carry (a demo person's title) and should survive refreshes. */
export const signIn = async (phone: string, password: string, extras: Extras = {}): Promise<Session> => {
  const tokens = await passwordSignIn(phone, password);
  if (!tokens.refreshToken) throw new ApiError(400, 'AUTH_FAILED', 'no refresh token');
  const session: Session = { idToken: tokens.idToken, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: { ...userFromIdToken(tokens.idToken), ...extras } };
  saveSession(session);
  return session;
};

let refreshing: Promise<Session | null> | null = null;

/**
 * New tokens from the refresh token; one refresh at a time however many calls ask. A refused
 * refresh token (expired, or signed out everywhere) ends the session as expired and answers
 * null; a network failure keeps the session and throws (the next call tries again).
 */
export const refreshSession = (): Promise<Session | null> => {
  refreshing ??= (async () => {
    const old = loadSession();
    if (!old) return null;
    try {
      const tokens = await refreshTokens(old.refreshToken);
      const { title, titleEn } = old.user;
      const user = { ...userFromIdToken(tokens.idToken), ...(title ? { title } : {}), ...(titleEn ? { titleEn } : {}) };
      const session: Session = { ...old, idToken: tokens.idToken, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? old.refreshToken, user };
      saveSession(session);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'AUTH_WRONG_CREDENTIALS') {
        clearSession('expired');
        return null;
      }
      throw error;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
};

/** The ID token for the next call, refreshed first when it is about to expire. */
export const freshToken = async (): Promise<string | null> => {
  const session = loadSession();
  if (!session) return null;
  if (expiresAt(session.idToken) - Date.now() > REFRESH_MARGIN_MS) return session.idToken;
  try {
    return (await refreshSession())?.idToken ?? null;
  } catch {
    // Unreachable pool: send the token we have; a refusal comes back as a 401.
    return session.idToken;
  }
};

/** Signed out on this device only. */
export const signOut = (): void => clearSession();

/** Every refresh token of the person stops working (other devices sign out within the hour), then this device signs out. */
export const signOutEverywhere = async (): Promise<void> => {
  await freshToken();
  const session = loadSession();
  if (session) await globalSignOut(session.accessToken);
  clearSession();
};
