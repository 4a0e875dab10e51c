import type { Principal } from '@lianxin/shared/auth/principal';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { notFound } from '@lianxin/shared/errors';
import { retry } from '@lianxin/shared/retry';
import { type Claim, checkCancellable, isActive } from '../domain/claim';
import type { Place } from '../domain/stats/counters';
import { headOf } from '../domain/waitlist';
import { claimCancelled, shiftClaimed, waitlistPromoted } from '../events/publish';
import { claimsOfShift, commitClaimCancellation, findClaim, findOwnClaim } from '../store/claims';
import { readSchedule } from '../store/schedule';
import { loadActivity } from './loadActivity';

/** Rounds of re-reading a shift whose claims kept changing while one was being cancelled. */
const ROUNDS = 6;

const conditionFailed = (error: unknown) => cancellationCodes(error)?.includes('ConditionalCheckFailed') ?? false;

/**
 * One attempt: read the claim, the volunteer's schedule and (for a confirmed place) the head
 * of the waitlist, who takes the place (`WaitlistPromoted` and `ShiftClaimed` for them).
 */
const release = async (claim: Claim, place: Place, now: Date): Promise<void> => {
  const current = await findClaim(claim.shiftId, claim.volunteerId);
  if (!current || !isActive(current)) return;
  const schedule = await readSchedule(claim.volunteerId);
  const head = current.status === 'confirmed' ? headOf((await claimsOfShift(claim.shiftId)).filter((c) => c.status === 'waitlisted')) : undefined;
  const events = [claimCancelled(current, now), ...(head ? [waitlistPromoted(head, current, now), shiftClaimed(head, now)] : [])];
  await commitClaimCancellation({ claim: current, ...(head ? { promoted: head } : {}), place, schedule, events, now });
};

/**
 * The claimant gives up their claim (a confirmed place only until the activity's deadline).
 * Someone else's claim is not found. A write that meets a changed shift reads it again.
 */
export const cancelClaim = async (volunteer: Principal, claimId: string, now: Date): Promise<Claim> => {
  const claim = await findOwnClaim(volunteer.userId, claimId);
  if (!claim) throw notFound('claim', claimId);
  const activity = await loadActivity(claim.activityId);
  checkCancellable(claim, activity.cancellationDeadlineHours, now);
  await retry(() => release(claim, activity, now), { retryable: conditionFailed, tries: ROUNDS });
  return { ...claim, status: 'cancelled' };
};
