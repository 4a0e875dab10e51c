import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { app } from './http/app';

/** Thin Lambda entry points only. */
export const http = lambdaHandler(app);
export { escalate } from './emergency/escalate';

/** Bus rule → AttendanceRecorded from hours, kept per volunteer for reliability. */
export { activitiesEvents } from './reliability/consumer';
