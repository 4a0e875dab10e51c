import { events } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import type { HourLog } from './hourLog';

/** The event that tells the other services about an organizer's decision on a log. */
export const decisionEvent = (log: HourLog, now: Date): Envelope => {
  if (log.status === 'verified') {
    const verifiedBy = log.verifiedBy ?? '';
    return events.HoursVerifiedV1.make(
      {
        hourLogId: log.hourLogId,
        volunteerId: log.volunteerId,
        activityId: log.activityId,
        shiftId: log.shiftId,
        orgId: log.orgId,
        communityId: log.communityId,
        minutes: log.minutes ?? 0,
        points: log.points ?? 0,
        verifiedBy,
        ...(log.category ? { category: log.category } : {}),
        ...(log.bonusPoints ? { bonusPoints: log.bonusPoints } : {}),
      },
      verifiedBy,
      now,
    );
  }
  if (log.status === 'rejected') {
    const rejectedBy = log.rejectedBy ?? '';
    return events.HoursRejectedV1.make(
      { hourLogId: log.hourLogId, volunteerId: log.volunteerId, shiftId: log.shiftId, reason: log.reason ?? '', rejectedBy },
      rejectedBy,
      now,
    );
  }
  throw new Error(`No decision event for an hour log in state ${log.status}`);
};
