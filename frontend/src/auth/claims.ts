import { jwtDecode } from 'jwt-decode';
import type { Role, User } from '../api/session';

/**
 * The person an ID token describes. The portal only reads the token (the services verify
 * it): roles, scopes, tags and the home grid are the `lianxin:` CSV claims the people
 * service's trigger adds (shared/src/auth/principal.ts), never anything the person set.
 */
interface IdClaims {
  sub: string;
  exp?: number;
  name?: string;
  phone_number?: string;
  'lianxin:roles'?: string;
  'lianxin:tags'?: string;
  'lianxin:scopes'?: string;
  'lianxin:grid'?: string;
}

const ROLES: readonly string[] = ['volunteer', 'organizer', 'merchant', 'admin'] satisfies Role[];

const list = (csv: string | undefined) => (csv ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export const userFromIdToken = (idToken: string): User => {
  const c = jwtDecode<IdClaims>(idToken);
  const grid = c['lianxin:grid'];
  return {
    userId: c.sub,
    name: c.name ?? '',
    ...(c.phone_number ? { phone: c.phone_number } : {}),
    roles: list(c['lianxin:roles']).filter((r): r is Role => ROLES.includes(r)),
    tags: list(c['lianxin:tags']),
    scopes: list(c['lianxin:scopes']),
    ...(grid ? { gridId: grid } : {}),
  };
};

/** When the ID token stops being accepted (ms since the epoch); a token without `exp` counts as expired. */
export const expiresAt = (idToken: string): number => {
  try {
    return (jwtDecode<IdClaims>(idToken).exp ?? 0) * 1000;
  } catch {
    return 0;
  }
};
