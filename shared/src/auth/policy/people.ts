import { ALL_ROLES, type Rule } from '../rule';

/**
 * People: the directory, one's own record (consent, profile, 双报到, export, closure), grants
 * of roles and the community's confirmation of 双报到. Roles are granted, never claimed: the
 * `grant.*` rules below say who may grant which role in which scope, and the use case asks
 * them once it knows the scope asked for (`{ org }`, `{ merchant }`, `{ alliance }`).
 * Refusals that are not about who the caller is (nobody grants to themself) stay rules of
 * the service's domain.
 */
export const peoplePolicy = {
  /** GET /people/places, /people/organizations, /people/merchants */
  'directory.read': { roles: ALL_ROLES },
  /** GET /people/me */
  'person.readOwn': { roles: ALL_ROLES },
  /** POST /people/me/consents */
  'person.consent': { roles: ALL_ROLES },
  /** PUT /people/me/profile */
  'person.editProfile': { roles: ALL_ROLES },
  /** GET /people/me/export */
  'person.export': { roles: ALL_ROLES },
  /** POST /people/me/close */
  'person.close': { roles: ALL_ROLES },
  /** GET /people/lookup: finding whom to grant a role */
  'person.lookup': { roles: ['admin', 'merchant'] },
  /** GET /people/grants: a merchant sees the grants of their own shops */
  'grant.list': { roles: ['merchant'], scope: 'merchant', anywhere: ['admin'] },
  /** POST /people/grants: the use case then applies the rule of the role asked for (below) */
  'grant.create': { roles: ['admin', 'merchant'] },
  /** POST /people/grants/{grantId}/revoke: whoever may grant it */
  'grant.revoke': { roles: ['admin', 'merchant'] },
  /** Organizer in org:<id>: an admin holding that org scope. */
  'grant.organizer': { roles: ['admin'], scope: 'org' },
  /** Merchant in merchant:<id>: an admin of the shop's alliance admits it… */
  'grant.merchantByAlliance': { roles: ['admin'], scope: 'alliance' },
  /** …or a merchant of that shop adds an operator. */
  'grant.merchantByShop': { roles: ['merchant'], scope: 'merchant' },
  /** Admin in alliance:<id>: an admin holding it. */
  'grant.admin': { roles: ['admin'], scope: 'alliance' },
  /** PUT /people/me/dual-registration (双报到) */
  'dualRegistration.submit': { roles: ALL_ROLES },
  /** GET /people/dual-registrations: organizers see the communities their organizations serve */
  'dualRegistration.list': { roles: ['organizer'], scope: 'org', anywhere: ['admin'] },
  /** POST /people/dual-registrations/{personId}/confirm, /reject: an organizer of an org serving the community */
  'dualRegistration.decide': { roles: ['organizer'], scope: 'org', anywhere: ['admin'] },
  /** GET /people/admin-log: grants, revocations, 双报到 decisions, closures */
  'people.adminLog': { roles: ['admin'] },
} as const satisfies Record<string, Rule>;
