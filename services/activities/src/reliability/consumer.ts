import { consumer } from '@lianxin/shared/events/consumer';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { inbox, outcomePut } from './store';

/**
 * The activities service's bus consumer: attendance outcomes from the hours service feed
 * each volunteer's reliability. Applied once per event (inbox marker in the same
 * transaction); one item per claim, so even a second event about a claim changes nothing.
 */
export const activitiesEvents = consumer('activities', {
  AttendanceRecordedV1: (event) => commitOnce(inbox, event, outcomePut(event.data)),
});
