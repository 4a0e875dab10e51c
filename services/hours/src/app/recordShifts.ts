import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { putShift } from '../store/shifts';
import { inbox } from '../store/table';

/** A published activity's shifts join the directory that check-in and the sweep read. */
export const recordShifts = (event: Envelope<EventData<'ActivityPublishedV1'>>) => {
  const { activityId, orgId, communityId, title, pointsPerHour, shifts, category } = event.data;
  const directory = shifts.map(({ shiftId, startsAt, endsAt }) =>
    putShift({ shiftId, activityId, orgId, communityId, title, startsAt, endsAt, pointsPerHour, ...(category ? { category } : {}) }),
  );
  return commitOnce(inbox, event, ...directory);
};
