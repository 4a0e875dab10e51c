/** A shift as the hours service knows it: a projection of ActivityPublished.v1. */
export interface Shift {
  shiftId: string;
  activityId: string;
  orgId: string;
  communityId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  pointsPerHour: number;
  /** The activity's category (助老, 医疗, …): HoursVerified carries it for the ledger's coefficient. */
  category?: string;
}

const MINUTE_MS = 60_000;

/** Volunteers may check in this early, so the first minutes of a shift are not lost at the door. */
export const EARLY_CHECK_IN_MINUTES = 30;

export const wholeMinutesBetween = (from: string | Date, to: string | Date): number =>
  Math.max(0, Math.floor((new Date(to).getTime() - new Date(from).getTime()) / MINUTE_MS));

export const shiftLengthMinutes = (shift: Pick<Shift, 'startsAt' | 'endsAt'>): number =>
  wholeMinutesBetween(shift.startsAt, shift.endsAt);

/** Check-in is open from 30 minutes before the start until the end, both inclusive. */
export const isInCheckInWindow = (shift: Pick<Shift, 'startsAt' | 'endsAt'>, now: Date): boolean => {
  const opens = new Date(shift.startsAt).getTime() - EARLY_CHECK_IN_MINUTES * MINUTE_MS;
  return now.getTime() >= opens && now.getTime() <= new Date(shift.endsAt).getTime();
};
