import type { Principal } from '@lianxin/shared/auth/principal';
import type { Person } from '../domain/person';
import { type MeView, meView } from '../domain/view';
import { activeGrants } from '../store/grants';
import { loadPerson } from '../store/people';

/** The caller's own record; someone never seen is `new` and is not written by reading. */
export const getMe = async (principal: Principal): Promise<MeView> => {
  const [person, grants] = await Promise.all([loadPerson(principal.userId), activeGrants(principal.userId)]);
  return meView(principal.userId, person, grants, principal.name);
};

/** The answer of a use case that changed the caller: their record as it now is. */
export const meAfter = async (principal: Principal, person: Person): Promise<MeView> =>
  meView(principal.userId, person, await activeGrants(principal.userId), principal.name);
