import type { Grant } from './grants';
import type { Person } from './person';

export const ADMIN_ACTIONS = ['grant', 'revoke', 'dual_registration.confirm', 'dual_registration.reject', 'close'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * One line of the append-only admin log: who did what about which person, when, why, and
 * the state before and after. Written in the action's transaction, never changed. It holds
 * no personal data (roles, scopes and statuses only), so it outlives a closure.
 */
export interface AdminLogEntry {
  entryId: string;
  at: string;
  actor: string;
  action: AdminAction;
  personId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason?: string;
}

const grantState = (g: Grant) => ({ grantId: g.grantId, role: g.role, scope: g.scope });

export const grantEntry = (g: Grant): AdminLogEntry => ({
  entryId: `grant:${g.grantId}`, at: g.grantedAt, actor: g.grantedBy, action: 'grant', personId: g.personId, reason: g.reason,
  before: {}, after: { ...grantState(g), active: true },
});

export const revokeEntry = (g: Grant & { revokedAt: string; revokedBy: string }, reason: string): AdminLogEntry => ({
  entryId: `revoke:${g.grantId}`, at: g.revokedAt, actor: g.revokedBy, action: 'revoke', personId: g.personId, reason,
  before: { ...grantState(g), active: true }, after: { ...grantState(g), active: false },
});

/** A 双报到 decision; the entry id follows the person's version it produced. */
export const dualDecisionEntry = (before: Person, after: Person): AdminLogEntry => {
  const decided = after.dualRegistration!;
  return {
    entryId: `dual:${after.personId}:${after.version}`,
    at: decided.decidedAt!,
    actor: decided.decidedBy!,
    action: decided.status === 'confirmed' ? 'dual_registration.confirm' : 'dual_registration.reject',
    personId: after.personId,
    ...(decided.reason ? { reason: decided.reason } : {}),
    before: { status: before.dualRegistration?.status, communityId: decided.communityId },
    after: { status: decided.status, communityId: decided.communityId },
  };
};

export const closeEntry = (before: Person, after: Person, revokedGrants: number): AdminLogEntry => ({
  entryId: `close:${after.personId}`, at: after.closedAt!, actor: after.personId, action: 'close', personId: after.personId,
  reason: 'account closed', before: { status: before.status, activeGrants: revokedGrants }, after: { status: after.status },
});
