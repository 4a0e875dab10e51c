import type { Principal, Tag } from '@lianxin/shared/auth/principal';
import { AppError, busy, conflict } from '@lianxin/shared/errors';
import type { Activity, Audience, Shift } from './activity';
import { type WaitBand, waitKeyOf } from './waitlist';

export const CLAIM_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface Claim {
  claimId: string;
  activityId: string;
  shiftId: string;
  volunteerId: string;
  /** Kept from the claim on, so the organizer's roster needs no other service. */
  volunteerName?: string;
  status: ClaimStatus;
  /** `<band>#<createdAt>#<claimId>`: the waitlist's order (reliable first, then first come, first served). */
  waitKey?: string;
  activityTitle: string;
  startsAt: string;
  endsAt: string;
  createdAt: string;
}

/** A claim as committed; a waiting claim with its place in line (1 is next). */
export interface SavedClaim { claim: Claim; position?: number }

/** An in-service party member reports to the community as a party member ("双报到"). */
const MEMBERSHIPS: Record<Exclude<Audience, 'everyone'>, Tag[]> = {
  party_member: ['party_member', 'in_service_party_member'],
  league_member: ['league_member'],
};

export const inAudience = (audience: Audience, tags: Tag[]): boolean =>
  audience === 'everyone' || MEMBERSHIPS[audience].some((t) => tags.includes(t));

export const shiftFull = () => conflict('SHIFT_FULL', 'Every place of this shift is taken', { shiftId: 'no places left' });

export const alreadyClaimed = () => conflict('ALREADY_CLAIMED', 'You have already claimed this shift', { shiftId: 'already claimed' });

export const overlappingClaim = (otherShiftId: string) =>
  conflict('OVERLAPPING_CLAIM', `You already hold shift ${otherShiftId} at an overlapping time`, { shiftId: `overlaps ${otherShiftId}` });

export const activityNotOpen = (status: string) =>
  conflict('ACTIVITY_NOT_OPEN', `This activity is ${status}: its shifts cannot be claimed`, { activityId: status });

/** Seconds a volunteer told BUSY should wait before retrying with the same Idempotency-Key. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/** 503 BUSY with Retry-After: nothing was written, so a retry with the same Idempotency-Key is safe. */
export const claimBusy = (): AppError =>
  busy(
    'BUSY',
    'So many volunteers are claiming this shift right now that yours could not be handled; try again in a moment',
    BUSY_RETRY_AFTER_SECONDS,
    { shiftId: 'busy, retry shortly' },
  );

/** A claim that holds a place or waits for one. */
export const isActive = (claim: Pick<Claim, 'status'> | undefined): boolean => claim?.status === 'confirmed' || claim?.status === 'waitlisted';

export const claimNotActive = (status: string) => conflict('CLAIM_NOT_ACTIVE', `This claim is already ${status}`, { claimId: status });

export const cancellationClosed = (deadline: string) =>
  conflict('CANCELLATION_CLOSED', `Claims of this shift could be cancelled until ${deadline}`, { claimId: `cancellable until ${deadline}` });

/**
 * A confirmed claim may be cancelled until `cancellationDeadlineHours` before the shift
 * starts; a place on the waitlist may be given up at any time (it keeps nobody out).
 */
export const checkCancellable = (claim: Pick<Claim, 'status' | 'startsAt'>, deadlineHours: number, now: Date): void => {
  if (claim.status === 'cancelled') throw claimNotActive(claim.status);
  if (claim.status !== 'confirmed') return;
  const deadline = Date.parse(claim.startsAt) - deadlineHours * 3_600_000;
  if (now.getTime() > deadline) throw cancellationClosed(new Date(deadline).toISOString());
};

export interface ClaimCommand {
  claimId: string;
  activity: Activity;
  shift: Shift;
  volunteer: Principal;
  /** The volunteer's reliability band when claiming; only a waitlist place depends on it. */
  band?: WaitBand;
}

/**
 * A claim of a place in a shift (confirmed unless the store finds the shift full), if the volunteer is in the activity's audience
 * and the shift has not ended (a shift already running may still be joined). Capacity is
 * not decided here: only the store's conditional write can decide it under concurrency.
 */
export const planClaim = ({ claimId, activity, shift, volunteer, band = 'reliable' }: ClaimCommand, now: Date): Claim => {
  if (activity.status !== 'published') throw activityNotOpen(activity.status);
  if (!inAudience(activity.audience, volunteer.tags)) {
    throw new AppError(403, 'AUDIENCE_RESTRICTED', `This activity is only for ${activity.audience}`, { audience: activity.audience });
  }
  if (Date.parse(shift.endsAt) <= now.getTime()) throw conflict('SHIFT_ENDED', 'This shift has already ended', { shiftId: 'ended' });
  return {
    claimId,
    activityId: activity.activityId,
    shiftId: shift.shiftId,
    volunteerId: volunteer.userId,
    volunteerName: volunteer.name,
    status: 'confirmed',
    waitKey: waitKeyOf(band, now, claimId),
    activityTitle: activity.title,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    createdAt: now.toISOString(),
  };
};

/** A volunteer's schedule: their confirmed claims not yet over, soonest first. */
export const upcoming = (claims: Claim[], now: Date): Claim[] =>
  claims
    .filter((c) => c.status === 'confirmed' && Date.parse(c.endsAt) > now.getTime())
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
