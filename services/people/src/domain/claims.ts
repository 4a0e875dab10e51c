import type { Principal, Role, Tag } from '@lianxin/shared/auth/principal';
import type { ActiveGrant } from './grants';
import type { Person } from './person';

/** 双报到, once the community confirmed it, puts these memberships in the token. */
export const DUAL_REGISTRATION_TAGS: Tag[] = ['in_service_party_member', 'party_member'];

const union = <T>(...lists: T[][]): T[] => [...new Set(lists.flat())];

/** Grants in the order they were made (the seed makes them a millisecond apart, in its own order). */
const byGrantTime = (grants: ActiveGrant[]) =>
  [...grants].sort((a, b) => (a.grantedAt === b.grantedAt ? 0 : a.grantedAt < b.grantedAt ? -1 : 1));

/**
 * What a person's next token carries (shared/src/auth/principal.ts, `grantedClaims`): base
 * roles ∪ granted roles; granted scopes, then the home grid; seeded tags ∪ those of a
 * confirmed 双报到; the display name, else the name the person signed up with. Someone not
 * (yet) known is a volunteer with no scope. A closed person gets no token: the use case refuses.
 */
export const principalOf = (person: Person | undefined, grants: ActiveGrant[], nameAttribute = ''): Omit<Principal, 'userId'> => {
  if (!person) return { name: nameAttribute, roles: ['volunteer'], tags: [], scopes: [] };
  const ordered = byGrantTime(grants);
  const gridId = person.profile?.gridId;
  const confirmed = person.dualRegistration?.status === 'confirmed';
  return {
    name: person.profile?.displayName || nameAttribute,
    roles: union<Role>(person.baseRoles, ordered.map((g) => g.role)),
    tags: union<Tag>(person.seededTags, confirmed ? DUAL_REGISTRATION_TAGS : []),
    scopes: union(ordered.map((g) => g.scope), gridId ? [`grid:${gridId}`] : []),
    ...(gridId ? { gridId } : {}),
  };
};
