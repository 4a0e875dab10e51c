import type { Principal } from '@lianxin/shared/auth/principal';
import { AppError, notFound } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import { planClaim } from '../domain/claim';
import { bandOf } from '../reliability/domain';
import { volunteerReliability } from '../reliability/store';
import { findActivity } from '../store/activities';
import { type SavedClaim, findClaim, saveClaim } from '../store/claims';

export interface ClaimShiftCommand { activityId: string; shiftId: string; volunteer: Principal; idempotencyKey: string }

/**
 * Claim a place in a shift, or a place on its waitlist when it is full, in the band the
 * volunteer's reliability puts them in. The claim id comes from the volunteer and the Idempotency-Key,
 * so a retry whose first attempt did commit (but whose answer was lost) gets that claim back
 * instead of ALREADY_CLAIMED.
 */
export const claimShift = async ({ activityId, shiftId, volunteer, idempotencyKey }: ClaimShiftCommand, now: Date): Promise<SavedClaim> => {
  const [activity, reliability] = await Promise.all([findActivity(activityId), volunteerReliability(volunteer.userId, now)]);
  if (!activity) throw notFound('activity', activityId);
  const shift = activity.shifts.find((s) => s.shiftId === shiftId);
  if (!shift) throw notFound('shift', shiftId);
  const claim = planClaim({ claimId: idFromKey('clm', volunteer.userId, idempotencyKey), activity, shift, volunteer, band: bandOf(reliability) }, now);
  try {
    return await saveClaim(claim, now);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'ALREADY_CLAIMED')) throw error;
    const existing = await findClaim(shiftId, volunteer.userId);
    if (existing?.claimId === claim.claimId) return { claim: existing };
    throw error;
  }
};
