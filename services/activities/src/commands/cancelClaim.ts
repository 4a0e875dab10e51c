import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { type Claim, checkCancellable } from '../domain/claim';
import { findActivity } from '../store/activities';
import { cancelClaim, findOwnClaim } from '../store/claims';

/** The claimant gives up their claim (before the activity's deadline if it holds a place). */
export const cancelOwnClaim = async (volunteer: Principal, claimId: string, now: Date): Promise<{ claim: Claim; promoted?: Claim }> => {
  const claim = await findOwnClaim(volunteer.userId, claimId);
  if (!claim) throw notFound('claim', claimId);
  const activity = await findActivity(claim.activityId);
  if (!activity) throw notFound('activity', claim.activityId);
  checkCancellable(claim, activity.cancellationDeadlineHours, now);
  const { promoted } = await cancelClaim(claim, activity, now);
  return { claim: { ...claim, status: 'cancelled' }, ...(promoted ? { promoted } : {}) };
};
