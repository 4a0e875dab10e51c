import { activitiesEvents } from '../events/consumer';

/** Bus rule → AttendanceRecorded from hours, kept per volunteer for reliability; PersonClosed from people, the erasure. */
export const handler = activitiesEvents;
