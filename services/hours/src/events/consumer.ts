import { consumer } from '@lianxin/shared/events/consumer';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { decisionEvent } from '../domain/decisionEvents';
import { wishHourLog } from '../domain/wishHours';
import { newHourLogPut } from '../store/hourLogs';
import { putCancelledClaim, putRosterEntry, putShift } from '../store/shifts';
import { inbox, outbox } from '../store/table';

/**
 * The hours service's view of the activities service (shifts, rosters, fulfilled wishes). Each event is applied once (the inbox
 * marker commits with the effect), and in any order: a claim that arrives before its
 * activity is simply recorded, and check-in needs both.
 */
export const hoursEvents = consumer('hours', {
  ActivityPublishedV1: (event) => {
    const { activityId, orgId, communityId, title, pointsPerHour, shifts, category } = event.data;
    const directory = shifts.map(({ shiftId, startsAt, endsAt }) =>
      putShift({ shiftId, activityId, orgId, communityId, title, startsAt, endsAt, pointsPerHour, ...(category ? { category } : {}) }),
    );
    return commitOnce(inbox, event, ...directory);
  },
  ShiftClaimedV1: (event) => {
    const { shiftId, volunteerId, claimId, activityId } = event.data;
    return commitOnce(inbox, event, putRosterEntry({ shiftId, volunteerId, claimId, activityId }));
  },
  ClaimCancelledV1: (event) => {
    const { claimId, shiftId, volunteerId } = event.data;
    return commitOnce(inbox, event, putCancelledClaim({ claimId, shiftId, volunteerId }));
  },
  ActivityCancelledV1: (event) =>
    commitOnce(inbox, event, ...event.data.claims.map(({ claimId, shiftId, volunteerId }) => putCancelledClaim({ claimId, shiftId, volunteerId }))),
  WishFulfilledV1: (event) => {
    const log = wishHourLog(event.data, event.actor);
    return commitOnce(inbox, event, newHourLogPut(log), outboxPut(outbox, decisionEvent(log, new Date(event.occurredAt))));
  },
});
