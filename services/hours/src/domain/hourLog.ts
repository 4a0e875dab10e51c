import type { Result } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import { notCheckedIn, notOnRoster, outsideShiftWindow } from './errors';
import { type Shift, isInCheckInWindow, shiftLengthMinutes, wholeMinutesBetween } from './shift';

export const HOUR_LOG_STATUSES = ['checked_in', 'checked_out', 'verified', 'rejected'] as const;
export type HourLogStatus = (typeof HOUR_LOG_STATUSES)[number];

/** What the hours were: a shift of a published activity, or a fulfilled micro-wish. */
export type HourKind = 'shift' | 'wish';

/** One volunteer's attendance at one shift (or work on a wish), from check-in to the organizer's decision. */
export interface HourLog {
  hourLogId: string;
  shiftId: string;
  activityId: string;
  activityTitle: string;
  orgId: string;
  communityId: string;
  volunteerId: string;
  volunteerName: string;
  status: HourLogStatus;
  checkInAt: string;
  checkOutAt?: string;
  minutes?: number;
  /** The activity's published rate, shown as context; a wish has none (the ledger's policy sets it). */
  pointsPerHour?: number;
  /** Copied from the shift at check-in, so the decision's event needs no other read. */
  category?: string;
  /** The organizer's discretionary bonus, granted at verification (the ledger's policy caps it). */
  bonusPoints?: number;
  note?: string;
  reason?: string;
  verifiedBy?: string;
  rejectedBy?: string;
  decidedAt?: string;
  /** Absent on a shift's log. */
  kind?: HourKind;
  /** A wish's log: the organizations serving its grid, whose organizers decide (`orgId` is its community's queue). */
  orgIds?: string[];
  /** A wish's log: the resident who posted it and who claimed it, who may not decide on it. */
  postedBy?: string;
  claimedBy?: string;
}

export interface Volunteer {
  userId: string;
  name: string;
}

/** One log per volunteer and shift: a repeated check-in lands on the same id. */
export const hourLogIdOf = (shiftId: string, volunteerId: string): string => idFromKey('hl', shiftId, volunteerId);

export const checkIn = (shift: Shift, volunteer: Volunteer, onRoster: boolean, now: Date): Result<HourLog> => {
  if (!onRoster) return notOnRoster();
  if (!isInCheckInWindow(shift, now)) return outsideShiftWindow();
  return {
    hourLogId: hourLogIdOf(shift.shiftId, volunteer.userId),
    shiftId: shift.shiftId,
    activityId: shift.activityId,
    activityTitle: shift.title,
    orgId: shift.orgId,
    communityId: shift.communityId,
    volunteerId: volunteer.userId,
    volunteerName: volunteer.name,
    status: 'checked_in',
    checkInAt: now.toISOString(),
    pointsPerHour: shift.pointsPerHour,
    ...(shift.category ? { category: shift.category } : {}),
  };
};

/** Whole minutes attended, never more than the shift lasts (an early arrival earns nothing extra). */
export const attendedMinutes = (checkInAt: string, now: Date, shift: Pick<Shift, 'startsAt' | 'endsAt'>): number =>
  Math.min(wholeMinutesBetween(checkInAt, now), shiftLengthMinutes(shift));

export const checkOut = (log: HourLog | undefined, shift: Shift, now: Date): Result<HourLog> => {
  if (!log || log.status !== 'checked_in') return notCheckedIn();
  return { ...log, status: 'checked_out', checkOutAt: now.toISOString(), minutes: attendedMinutes(log.checkInAt, now, shift) };
};
