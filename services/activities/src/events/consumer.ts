import { consumer } from '@lianxin/shared/events/consumer';
import { recordAttendance } from '../app/recordAttendance';

/**
 * The activities service's bus consumer: attendance outcomes from the hours service feed
 * each volunteer's reliability, each event applied once.
 */
export const activitiesEvents = consumer('activities', {
  AttendanceRecordedV1: recordAttendance,
});
