import { events } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import type { AttendanceRecord } from '../domain/attendanceOutcome';
import type { HourLog } from '../domain/hourLog';

/** Who the attendance sweep's events are from. */
const SWEEP_ACTOR = 'system:attendance';

/**
 * Verified hours: the minutes and their context (rate, category, bonus). No points: the
 * ledger's earning policy alone turns them into an amount.
 */
export const hoursVerified = (log: HourLog, now: Date): Envelope => {
  const verifiedBy = log.verifiedBy ?? '';
  const kind = log.kind ?? 'shift';
  return events.HoursVerifiedV2.make(
    {
      hourLogId: log.hourLogId,
      volunteerId: log.volunteerId,
      activityId: log.activityId,
      shiftId: log.shiftId,
      orgId: log.orgId,
      communityId: log.communityId,
      minutes: log.minutes ?? 0,
      kind,
      ...(kind === 'shift' && log.pointsPerHour ? { pointsPerHour: log.pointsPerHour } : {}),
      verifiedBy,
      ...(log.category ? { category: log.category } : {}),
      ...(log.bonusPoints ? { bonusPoints: log.bonusPoints } : {}),
    },
    verifiedBy,
    now,
  );
};

export const hoursRejected = (log: HourLog, now: Date): Envelope => {
  const rejectedBy = log.rejectedBy ?? '';
  return events.HoursRejectedV1.make(
    { hourLogId: log.hourLogId, volunteerId: log.volunteerId, shiftId: log.shiftId, reason: log.reason ?? '', rejectedBy },
    rejectedBy,
    now,
  );
};

/** One claim's outcome after its shift ended (attended or no_show), from the sweep. */
export const attendanceRecorded = (record: AttendanceRecord, now: Date): Envelope =>
  events.AttendanceRecordedV1.make(record, SWEEP_ACTOR, now);
