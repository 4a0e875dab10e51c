import type { EventData } from '@lianxin/shared/events/catalog';
import type { Shift } from './shift';

export type AttendanceRecord = EventData<'AttendanceRecordedV1'>;

const MINUTE_MS = 60_000;

/**
 * A shift's outcomes are recorded this long after it ends, not at once: check-in closes at
 * the end, but a ShiftClaimed delayed on the bus should still be on the roster when we look.
 */
export const ATTENDANCE_GRACE_MINUTES = 15;

/**
 * How far back each sweep looks. Every sweep re-reads the shifts that ended in this window,
 * so a claim whose event arrived after an earlier sweep (bus retries last up to a day) is
 * still recorded; per-claim markers make the re-reads emit nothing twice.
 */
export const ATTENDANCE_LOOKBACK_HOURS = 26;

/** The UTC day a shift ends on: the partition of the end-time index that holds it. */
export const endingDayOf = (endsAt: string): string => new Date(endsAt).toISOString().slice(0, 10);

export interface SweepWindow {
  /** Shifts ending at or after this instant… */
  from: string;
  /** …and at or before this one are due. */
  to: string;
  /** The index partitions (UTC days) the window touches, oldest first. */
  days: string[];
}

export const sweepWindow = (now: Date): SweepWindow => {
  const to = new Date(now.getTime() - ATTENDANCE_GRACE_MINUTES * MINUTE_MS);
  const from = new Date(now.getTime() - ATTENDANCE_LOOKBACK_HOURS * 60 * MINUTE_MS);
  const days: string[] = [];
  for (let day = endingDayOf(from.toISOString()); day <= endingDayOf(to.toISOString()); ) {
    days.push(day);
    day = new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * 60 * MINUTE_MS).toISOString().slice(0, 10);
  }
  return { from: from.toISOString(), to: to.toISOString(), days };
};

/** One confirmed claim of an ended shift, with what the hours service knows about it. */
export interface Claimant {
  claimId: string;
  volunteerId: string;
  /** The claim was cancelled (by the volunteer or with the activity): no place, no outcome. */
  cancelled: boolean;
  /** The volunteer checked in (whatever the organizer decided about the hours later). */
  checkedIn: boolean;
  /** An outcome was already recorded for this claim by an earlier sweep. */
  recorded: boolean;
}

export const hasEnded = (shift: Pick<Shift, 'endsAt'>, now: Date): boolean =>
  Date.parse(shift.endsAt) + ATTENDANCE_GRACE_MINUTES * MINUTE_MS <= now.getTime();

/**
 * The outcomes still to record for an ended shift: one per confirmed, uncancelled claim
 * not yet recorded, `attended` if the volunteer checked in, else `no_show`.
 */
export const outcomesToRecord = (shift: Shift, claimants: Claimant[], now: Date): AttendanceRecord[] => {
  if (!hasEnded(shift, now)) return [];
  return claimants
    .filter((c) => !c.cancelled && !c.recorded)
    .map((c) => ({
      claimId: c.claimId,
      activityId: shift.activityId,
      shiftId: shift.shiftId,
      volunteerId: c.volunteerId,
      outcome: c.checkedIn ? 'attended' : 'no_show',
      shiftEndsAt: new Date(shift.endsAt).toISOString(),
    }));
};
