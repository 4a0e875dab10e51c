import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { putRosterEntry } from '../store/roster';
import { inbox } from '../store/table';

/** A confirmed claim puts the volunteer on the shift's roster, even before the activity is known. */
export const recordClaim = (event: Envelope<EventData<'ShiftClaimedV1'>>) => {
  const { shiftId, volunteerId, claimId, activityId } = event.data;
  return commitOnce(inbox, event, putRosterEntry({ shiftId, volunteerId, claimId, activityId }));
};
