import { activitiesEvents } from '../events/consumer';

/** Bus rule → AttendanceRecorded from hours, kept per volunteer for reliability. */
export const handler = activitiesEvents;
