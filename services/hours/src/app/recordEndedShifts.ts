import { type Claimant, outcomesToRecord, sweepWindow } from '../domain/attendanceOutcome';
import { hourLogIdOf } from '../domain/hourLog';
import type { Shift } from '../domain/shift';
import { attendanceRecorded } from '../events/publish';
import { recordedClaimIds, storeOutcomeOnce } from '../store/attendanceMarkers';
import { findHourLog } from '../store/hourLogs';
import { type RosterEntry, isCancelled, rosterOf } from '../store/roster';
import { shiftsEndedIn } from '../store/shifts';

/** What the sweep needs to know of a roster entry; recorded claims are not looked into further. */
const claimantOf = async (entry: RosterEntry, recorded: Set<string>): Promise<Claimant> => {
  const base = { claimId: entry.claimId, volunteerId: entry.volunteerId };
  if (recorded.has(entry.claimId)) return { ...base, cancelled: false, checkedIn: false, recorded: true };
  const [cancelled, log] = await Promise.all([isCancelled(entry.claimId), findHourLog(hourLogIdOf(entry.shiftId, entry.volunteerId))]);
  return { ...base, cancelled, checkedIn: !!log, recorded: false };
};

const recordShift = async (shift: Shift, now: Date): Promise<number> => {
  const [roster, recorded] = await Promise.all([rosterOf(shift.shiftId), recordedClaimIds(shift.shiftId)]);
  const claimants = await Promise.all(roster.map((entry) => claimantOf(entry, recorded)));
  const written = await Promise.all(
    outcomesToRecord(shift, claimants, now).map((record) => storeOutcomeOnce(record, attendanceRecorded(record, now), now)),
  );
  return written.filter(Boolean).length;
};

/**
 * The scheduled sweep: every confirmed claimant of every shift that ended in the window gets
 * exactly one AttendanceRecorded. Answers how many outcomes this run recorded.
 */
export const recordEndedShifts = async (now: Date): Promise<number> => {
  const shifts = await shiftsEndedIn(sweepWindow(now));
  let recorded = 0;
  // One shift at a time: a busy day's claimants would otherwise all be read at once.
  for (const shift of shifts) recorded += await recordShift(shift, now);
  return recorded;
};
