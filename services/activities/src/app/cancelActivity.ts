import type { Principal } from '@lianxin/shared/auth/principal';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { retry } from '@lianxin/shared/retry';
import type { Activity } from '../domain/activity';
import { checkCancellable } from '../domain/lifecycle';
import { activityCancelled } from '../events/publish';
import { commitCancellation, releaseClaims } from '../store/cancellation';
import { claimsOfShift } from '../store/claims';
import { loadOwnActivity } from './loadActivity';

/** Rounds of re-reading an activity whose claims kept changing while it was being cancelled. */
const ROUNDS = 5;

const conditionFailed = (error: unknown) => cancellationCodes(error)?.includes('ConditionalCheckFailed') ?? false;

/**
 * Cancel an activity: its status, its shifts (closed and emptied) and `ActivityCancelled`
 * naming every active claim commit together, conditioned on the counts read with those
 * claims (a claim racing in makes it re-read). The claim items are then marked cancelled in
 * batches.
 */
export const cancelActivity = async (organizer: Principal, activityId: string, reason: string, now: Date): Promise<Activity> => {
  const { activity, leftOver } = await retry(
    async () => {
      const activity = await loadOwnActivity(organizer, 'activity.cancel', activityId, now);
      checkCancellable(activity);
      const claims = (await Promise.all(activity.shifts.map((s) => claimsOfShift(s.shiftId)))).flat();
      const event = activityCancelled(activity, reason, claims, organizer.userId, now);
      return { activity, leftOver: await commitCancellation(activity, reason, claims, event) };
    },
    { retryable: conditionFailed, tries: ROUNDS },
  );
  await releaseClaims(leftOver);
  return { ...activity, status: 'cancelled', cancelReason: reason, shifts: activity.shifts.map((s) => ({ ...s, confirmed: 0, waitlisted: 0 })) };
};
