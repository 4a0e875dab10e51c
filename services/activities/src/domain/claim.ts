import type { Principal, Tag } from '@lianxin/shared/auth/principal';
import { AppError, conflict } from '@lianxin/shared/errors';
import type { Activity, Audience, Shift } from './activity';

export interface Claim {
  claimId: string;
  activityId: string;
  shiftId: string;
  volunteerId: string;
  status: 'confirmed';
  activityTitle: string;
  startsAt: string;
  endsAt: string;
  createdAt: string;
}

/** An in-service party member reports to the community as a party member ("双报到"). */
const MEMBERSHIPS: Record<Exclude<Audience, 'everyone'>, Tag[]> = {
  party_member: ['party_member', 'in_service_party_member'],
  league_member: ['league_member'],
};

export const inAudience = (audience: Audience, tags: Tag[]): boolean =>
  audience === 'everyone' || MEMBERSHIPS[audience].some((t) => tags.includes(t));

export const shiftFull = () => conflict('SHIFT_FULL', 'Every place of this shift is taken', { shiftId: 'no places left' });

export const alreadyClaimed = () => conflict('ALREADY_CLAIMED', 'You have already claimed this shift', { shiftId: 'already claimed' });

export interface ClaimCommand { claimId: string; activity: Activity; shift: Shift; volunteer: Principal }

/**
 * A confirmed claim of a place in a shift, if the volunteer is in the activity's audience
 * and the shift has not ended (a shift already running may still be joined). Capacity is
 * not decided here: only the store's conditional write can decide it under concurrency.
 */
export const planClaim = ({ claimId, activity, shift, volunteer }: ClaimCommand, now: Date): Claim => {
  if (!inAudience(activity.audience, volunteer.tags)) {
    throw new AppError(403, 'AUDIENCE_RESTRICTED', `This activity is only for ${activity.audience}`, { audience: activity.audience });
  }
  if (Date.parse(shift.endsAt) <= now.getTime()) throw conflict('SHIFT_ENDED', 'This shift has already ended', { shiftId: 'ended' });
  return {
    claimId,
    activityId: activity.activityId,
    shiftId: shift.shiftId,
    volunteerId: volunteer.userId,
    status: 'confirmed',
    activityTitle: activity.title,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    createdAt: now.toISOString(),
  };
};
