import { consumer } from '@lianxin/shared/events/consumer';
import { erasePerson } from '../app/erasePerson';
import { recordAttendance } from '../app/recordAttendance';

/**
 * The activities service's bus consumer: attendance outcomes from the hours service feed
 * each volunteer's reliability, and a closed account (people) leaves its pseudonym in place
 * of its name; each event applied once.
 */
export const activitiesEvents = consumer('activities', {
  AttendanceRecordedV1: recordAttendance,
  PersonClosedV1: erasePerson,
});
