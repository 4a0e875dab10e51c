import type { HourLog, HourLogStatus } from './hourLog';

export const ADMIN_ACTIONS = ['hours.verify', 'hours.reject'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * One line of the append-only admin log of hours: which organizer decided on whose hours,
 * for which organization, when, and the log before and after. Written in the decision's
 * transaction, never changed: a log is decided once, so it has at most one entry.
 */
export interface AdminLogEntry {
  entryId: string;
  at: string;
  actor: string;
  action: AdminAction;
  hourLogId: string;
  volunteerId: string;
  /** The organization the decision was authorized in (for a wish: the serving organization the organizer acted for). */
  orgId: string;
  before: { status: HourLogStatus; minutes: number };
  /** `minutes` and `bonusPoints` are what the decision credits: 0 when rejected. */
  after: { status: HourLogStatus; minutes: number; bonusPoints: number };
  note?: string;
  reason?: string;
}

/** The entry of a decision that moved `before` to `after`, made by `actor` for `orgId`. */
export const decisionEntry = (action: AdminAction, actor: string, orgId: string, before: HourLog, after: HourLog): AdminLogEntry => {
  const credited = after.status === 'verified';
  return {
    entryId: `decision:${after.hourLogId}`,
    at: after.decidedAt!,
    actor,
    action,
    hourLogId: after.hourLogId,
    volunteerId: after.volunteerId,
    orgId,
    before: { status: before.status, minutes: before.minutes ?? 0 },
    after: { status: after.status, minutes: credited ? (after.minutes ?? 0) : 0, bonusPoints: credited ? (after.bonusPoints ?? 0) : 0 },
    ...(after.note ? { note: after.note } : {}),
    ...(after.reason ? { reason: after.reason } : {}),
  };
};
