import type { Activity } from '../activity';
import type { Claim } from '../claim';

/**
 * Participation counters per grid, for the dashboards: what each write adds. They are kept
 * in the same transactions as the writes they count (publish, claim, cancel, a wish
 * confirmed), so they never drift.
 */
export const COUNTERS = ['activitiesPublished', 'activitiesCancelled', 'shifts', 'claimsConfirmed', 'claimsWaitlisted', 'claimsCancelled', 'wishesFulfilled'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

/** Where counts are kept: the grid, with its community and street for the roll-ups. */
export interface Place { gridId: string; communityId: string; streetId: string }

export type GridShard = Place & Partial<Counts>;

/** A publication: one activity and its shifts. */
export const published = (activity: Pick<Activity, 'shifts'>): Partial<Counts> => ({ activitiesPublished: 1, shifts: activity.shifts.length });

/** A published activity's cancellation: its claims, read with their counts, are released. */
export const cancelled = (activity: Pick<Activity, 'shifts'>): Partial<Counts> => {
  const confirmed = activity.shifts.reduce((n, s) => n + s.confirmed, 0);
  const waitlisted = activity.shifts.reduce((n, s) => n + s.waitlisted, 0);
  return { activitiesCancelled: 1, claimsConfirmed: -confirmed, claimsWaitlisted: -waitlisted, claimsCancelled: confirmed + waitlisted };
};

/** A batch of claims: so many hold a place, the others wait. */
export const claimed = (confirmed: number, waitlisted: number): Partial<Counts> => ({ claimsConfirmed: confirmed, claimsWaitlisted: waitlisted });

/** A claim given up; `promoted`: the head of the waitlist takes its place, so one fewer waits instead. */
export const claimCancelled = (status: Claim['status'], promoted: boolean): Partial<Counts> => ({
  claimsCancelled: 1,
  claimsConfirmed: status === 'confirmed' && !promoted ? -1 : 0,
  claimsWaitlisted: status === 'waitlisted' || promoted ? -1 : 0,
});

/** A wish its resident confirmed as fulfilled. */
export const wishFulfilled: Partial<Counts> = { wishesFulfilled: 1 };
