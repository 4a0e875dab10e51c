import { forbidden } from '../errors';
import { activitiesPolicy } from './policy/activities';
import { hoursPolicy } from './policy/hours';
import { ledgerPolicy } from './policy/ledger';
import { peoplePolicy } from './policy/people';
import { redemptionPolicy } from './policy/redemption';
import { type Principal, type Role, type ScopeKind, hasRole, inScope } from './principal';
import type { Rule } from './rule';

export type { Rule } from './rule';

/**
 * Who may do what: the one table of permissions, one section per service. Routes name
 * their action and are refused (403) on the role before the body is read; use cases that
 * load a resource ask again with its scope (`authorize(p, 'hours.verify', { org })`).
 * Business refusals that are not about who the caller is (nobody verifies their own
 * hours, a claim must be one's own) stay rules of the domain.
 */
export const POLICY = {
  ...activitiesPolicy,
  ...hoursPolicy,
  ...ledgerPolicy,
  ...redemptionPolicy,
  ...peoplePolicy,
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** The ids of the resource acted on, by scope kind: `{ org: 'org_1' }`. */
export type Resource = Partial<Record<ScopeKind, string>>;

const rule = (action: Action): Rule => POLICY[action];

/** The roles alone: may this person attempt the action at all (before the resource is known)? */
export const mayAttempt = (p: Principal, action: Action): boolean => {
  const { roles, anywhere = [] } = rule(action);
  return [...roles, ...anywhere].some((r) => hasRole(p, r));
};

/**
 * The whole rule: the role, and, when the rule is scoped and the resource is known, the
 * role held inside the resource's scope (roles in `anywhere` need no scope).
 */
export const permits = (p: Principal, action: Action, resource?: Resource): boolean => {
  const { roles, scope, anywhere = [] } = rule(action);
  if (anywhere.some((r) => hasRole(p, r))) return true;
  if (!roles.some((r) => hasRole(p, r))) return false;
  if (!scope || !resource) return true;
  const id = resource[scope];
  return id !== undefined && inScope(p, scope, id);
};

/** Throw 403 unless `permits`, saying whether the role or the scope is missing. */
export const authorize = (p: Principal, action: Action, resource?: Resource): void => {
  if (permits(p, action, resource)) return;
  const { roles, scope } = rule(action);
  throw forbidden(
    scope && mayAttempt(p, action) ? `Only a ${roles.join(' or ')} of this ${scope} may do this` : `This needs the role ${roles.join(' or ')}`,
  );
};

/** The roles that may attempt an action, for documentation and the route matrix. */
export const rolesFor = (action: Action): Role[] => {
  const { roles, anywhere = [] } = rule(action);
  return [...new Set([...roles, ...anywhere])];
};
