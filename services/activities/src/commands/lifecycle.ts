import type { Principal } from '@lianxin/shared/auth/principal';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { notFound } from '@lianxin/shared/errors';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { executeTransactWrite } from 'dynamodb-toolbox';
import { type Activity, asOf } from '../domain/activity';
import { type PatchActivityInput, applyPatch, checkCancellable, checkPublishable, requireOwner } from '../domain/lifecycle';
import { cancellationWrites, findActivity, markPublished, updateActivityFields } from '../store/activities';
import { claimStatusWrite, claimsOfShift } from '../store/claims';
import { outbox } from '../store/table';

/**
 * The activity as of `now`, if it exists and the caller organizes for its organization. A
 * completed one (its last shift over) can no longer be edited or cancelled.
 */
const ownActivity = async (principal: Principal, activityId: string, now: Date): Promise<Activity> => {
  const activity = await findActivity(activityId);
  if (!activity) throw notFound('activity', activityId);
  requireOwner(principal, activity);
  return asOf(activity, now);
};

export const patchActivity = async (principal: Principal, activityId: string, patch: PatchActivityInput, now: Date): Promise<Activity> => {
  const activity = await ownActivity(principal, activityId, now);
  const patched = applyPatch(activity, patch);
  await updateActivityFields(activity, patched);
  return patched;
};

export const publishDraft = async (principal: Principal, activityId: string, now: Date): Promise<Activity> => {
  const activity = await ownActivity(principal, activityId, now);
  checkPublishable(activity);
  return markPublished(activity, now);
};

/** A transaction holds at most 100 writes; claims beyond the first transaction follow in batches. */
const TRANSACTION_LIMIT = 100;
const ROUNDS = 5;

/**
 * Cancel an activity: its status, its shifts (closed and emptied) and `ActivityCancelled`
 * naming every active claim commit together, conditioned on the counts read with those
 * claims (a claim racing in makes it re-read). The claim items are then marked cancelled in
 * batches: should that be cut short, the claims are already unusable (their shift is
 * closed) and a volunteer's schedule drops them when it meets them.
 */
export const cancelActivity = async (principal: Principal, activityId: string, reason: string, now: Date): Promise<Activity> => {
  for (let round = 1; ; round++) {
    const activity = await ownActivity(principal, activityId, now);
    checkCancellable(activity);
    const claims = (await Promise.all(activity.shifts.map((s) => claimsOfShift(s.shiftId)))).flat();
    const event = events.ActivityCancelledV1.make(
      {
        activityId,
        orgId: activity.orgId,
        reason,
        claims: claims.map(({ claimId, shiftId, volunteerId, status }) => ({ claimId, shiftId, volunteerId, status: status as 'confirmed' | 'waitlisted' })),
      },
      principal.userId,
      now,
    );
    const head = [...cancellationWrites(activity, reason), outboxPut(outbox, event)];
    const releases = claims.map((c) => claimStatusWrite(c, 'cancelled'));
    const room = TRANSACTION_LIMIT - head.length;
    try {
      await executeTransactWrite(...(head as never[]), ...(releases.slice(0, room) as never[]));
    } catch (error) {
      if (round < ROUNDS && cancellationCodes(error)?.includes('ConditionalCheckFailed')) continue;
      throw error;
    }
    for (let i = room; i < releases.length; i += TRANSACTION_LIMIT) {
      await executeTransactWrite(...(releases.slice(i, i + TRANSACTION_LIMIT) as never[]));
    }
    return { ...activity, status: 'cancelled', cancelReason: reason, shifts: activity.shifts.map((s) => ({ ...s, confirmed: 0, waitlisted: 0 })) };
  }
};
