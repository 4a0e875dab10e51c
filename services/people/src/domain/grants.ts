import { type Action, permits } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { type Result, forbidden } from '@lianxin/shared/errors';
import type { Merchant, Organization } from './directory';
import { badScope, selfGrant } from './errors';

/** The roles that are granted (volunteer is everyone's and never granted). */
export const GRANTED_ROLES = ['organizer', 'merchant', 'admin'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];

/** Each granted role is held in one kind of scope. */
export const SCOPE_KIND_OF = { organizer: 'org', merchant: 'merchant', admin: 'alliance' } as const satisfies Record<GrantedRole, string>;

/** A grant while it is active: what the token carries and `GET /people/me` shows. */
export interface ActiveGrant {
  grantId: string;
  role: GrantedRole;
  scope: string;
  grantedBy: string;
  grantedAt: string;
  reason: string;
}

/** A grant for ever: revoked ones are kept, with who revoked them, when and why. */
export interface Grant extends ActiveGrant {
  personId: string;
  revokedAt?: string;
  revokedBy?: string;
  revokeReason?: string;
}

export const SCOPE_PATTERN = /^(org|merchant|alliance):[\w-]{1,64}$/;

export const parseScope = (scope: string): { kind: string; id: string } => {
  const at = scope.indexOf(':');
  return { kind: scope.slice(0, at), id: scope.slice(at + 1) };
};

/** What the directory knows of the scope asked for (its merchant's alliance, or that it exists). */
export interface ScopeFacts {
  organization?: Organization;
  merchant?: Merchant;
  allianceExists?: boolean;
}

/** The policy rules (shared/src/auth/policy/people.ts) that let someone grant `role` in this scope. */
const rulesFor = (role: GrantedRole, id: string, facts: ScopeFacts): [Action, Record<string, string>][] => {
  if (role === 'organizer') return [['grant.organizer', { org: id }]];
  if (role === 'admin') return [['grant.admin', { alliance: id }]];
  return [
    ['grant.merchantByShop', { merchant: id }],
    ...(facts.merchant ? [['grant.merchantByAlliance', { alliance: facts.merchant.allianceId }] as [Action, Record<string, string>]] : []),
  ];
};

/**
 * May `granter` give (or take back) `role` in `scope` to `personId`? The scope must be of the
 * role's kind and known to the directory (400 naming `scope`); nobody grants to themself
 * (403 SELF_GRANT); then the policy decides by the granter's own scopes.
 */
export const mayGrant = (
  granter: Principal,
  target: { personId: string; role: GrantedRole; scope: string },
  facts: ScopeFacts,
  revoking = false,
): Result<true> => {
  const { kind, id } = parseScope(target.scope);
  if (kind !== SCOPE_KIND_OF[target.role]) return badScope(`${target.role} is granted in a scope ${SCOPE_KIND_OF[target.role]}:<id>`);
  const known = { org: Boolean(facts.organization), merchant: Boolean(facts.merchant), alliance: Boolean(facts.allianceExists) }[kind];
  if (!known && !revoking) return badScope(`no ${kind} ${id}`);
  if (!revoking && granter.userId === target.personId) return selfGrant();
  const allowed = rulesFor(target.role, id, facts).some(([action, resource]) => permits(granter, action, resource));
  return allowed ? true : forbidden(`You may not grant ${target.role} in ${target.scope}`);
};

export const sameContent = (a: Pick<ActiveGrant, 'role' | 'scope'>, b: Pick<ActiveGrant, 'role' | 'scope'>) =>
  a.role === b.role && a.scope === b.scope;
