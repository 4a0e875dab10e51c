import type { Principal } from '@lianxin/shared/auth/principal';
import { isTransientConflict } from '@lianxin/shared/db/transact';
import { AppError, notFound } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import { retry } from '@lianxin/shared/retry';
import { type Claim, type SavedClaim, alreadyClaimed, claimBusy, isActive, overlappingClaim, planClaim } from '../domain/claim';
import { bandOf } from '../domain/reliability/reliability';
import { findOverlap, positionIn } from '../domain/waitlist';
import { shiftClaimed } from '../events/publish';
import { commitClaim } from '../store/claimBatch';
import { findClaim, waitingKeys } from '../store/claims';
import { type Booking, type Schedule, readSchedule } from '../store/schedule';
import { loadActivity } from './loadActivity';
import { reliabilityNow } from './myReliability';

export interface ClaimShiftCommand { activityId: string; shiftId: string; volunteer: Principal; idempotencyKey: string }

/** Rounds of re-planning a claim whose volunteer's schedule moved on since it was read. */
const ROUNDS = 6;

/** Another claim of the volunteer committed since their schedule was read: read it again. */
class ScheduleMoved extends Error {}

const bookingOf = ({ shiftId, activityId, startsAt, endsAt }: Claim): Booking => ({ shiftId, activityId, startsAt, endsAt });

/**
 * The volunteer's schedule, checked for the new shift (no double-booking, see
 * store/schedule.ts). A booking whose claim is no longer active (its activity was
 * cancelled, which releases claims without touching schedules) is dropped rather than trusted.
 */
const bookableSchedule = async (claim: Claim): Promise<{ schedule: Schedule; bookings: Booking[] }> => {
  const schedule = await readSchedule(claim.volunteerId);
  let bookings = schedule.bookings;
  for (;;) {
    if (bookings.some((b) => b.shiftId === claim.shiftId) && isActive(await findClaim(claim.shiftId, claim.volunteerId))) throw alreadyClaimed();
    const other = findOverlap(bookings, claim);
    if (!other) return { schedule, bookings: [...bookings.filter((b) => b.shiftId !== claim.shiftId), bookingOf(claim)] };
    if (isActive(await findClaim(other.shiftId, claim.volunteerId))) throw overlappingClaim(other.shiftId);
    bookings = bookings.filter((b) => b.shiftId !== other.shiftId);
  }
};

/** A lost race or a slow DynamoDB past the retries: the claim did not happen, or a retry finds it. */
const isOverload = (error: unknown) => isTransientConflict(error) || (error as { name?: string })?.name === 'TimeoutError';

/**
 * Commit the claim in its shift's next batch with the volunteer's schedule rewritten in the
 * same transaction. A claim that lost every race (or met a DynamoDB too slow to answer) is
 * answered BUSY: 503, nothing half-written, so a retry with the same Idempotency-Key is safe.
 */
const book = async (claim: Claim, now: Date): Promise<SavedClaim> => {
  try {
    return await retry(
      async () => {
        const { schedule, bookings } = await bookableSchedule(claim);
        const outcome = await commitClaim({ claim, schedule, bookings, claimedEvent: (c) => shiftClaimed(c, now), now });
        if (outcome === 'again') throw new ScheduleMoved();
        return outcome;
      },
      { retryable: (error) => error instanceof ScheduleMoved, tries: ROUNDS, baseDelayMs: 5 },
    );
  } catch (error) {
    throw error instanceof ScheduleMoved || isOverload(error) ? claimBusy() : error;
  }
};

/** A waiting claim's place in line, when the answer has none (a retry that finds its claim committed). */
const withPlaceInLine = async (saved: SavedClaim): Promise<SavedClaim> =>
  saved.claim.status !== 'waitlisted' || saved.position !== undefined
    ? saved
    : { ...saved, position: positionIn(await waitingKeys(saved.claim.shiftId), saved.claim.waitKey ?? '') };

/**
 * Claim a place in a shift, or a place on its waitlist when it is full, in the band the
 * volunteer's reliability puts them in. The claim id comes from the volunteer and the Idempotency-Key,
 * so a retry whose first attempt did commit (but whose answer was lost) gets that claim back
 * instead of ALREADY_CLAIMED.
 */
export const claimShift = async ({ activityId, shiftId, volunteer, idempotencyKey }: ClaimShiftCommand, now: Date): Promise<SavedClaim> => {
  const [activity, reliability] = await Promise.all([loadActivity(activityId), reliabilityNow(volunteer.userId, now)]);
  const shift = activity.shifts.find((s) => s.shiftId === shiftId);
  if (!shift) throw notFound('shift', shiftId);
  const claim = planClaim({ claimId: idFromKey('clm', volunteer.userId, idempotencyKey), activity, shift, volunteer, band: bandOf(reliability) }, now);
  try {
    return await withPlaceInLine(await book(claim, now));
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'ALREADY_CLAIMED')) throw error;
    const existing = await findClaim(shiftId, volunteer.userId);
    if (existing?.claimId === claim.claimId) return withPlaceInLine({ claim: existing });
    throw error;
  }
};
