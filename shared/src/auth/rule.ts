import type { Role, ScopeKind } from './principal';

/** One permission: the roles that may act, and the scope the role must be held in. */
export interface Rule {
  /** Any one of these roles lets a person attempt the action. */
  roles: readonly Role[];
  /** When set, the role counts only inside the acted-on resource's scope of this kind. */
  scope?: ScopeKind;
  /** Roles that act on any resource, whatever its scope (e.g. admin). */
  anywhere?: readonly Role[];
}

export const ALL_ROLES: readonly Role[] = ['volunteer', 'organizer', 'merchant', 'admin'];
