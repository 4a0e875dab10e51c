import { type ServiceApp, createServiceApp } from '@lianxin/shared/http/app';
import { registerAttendanceRoutes } from './attendanceRoutes';
import { type Clock, systemClock } from '@lianxin/shared/clock';
import { registerCodeRoutes } from './codeRoutes';
import { registerDecisionRoutes } from './decisionRoutes';
import { registerListRoutes } from './listRoutes';

/** The hours API: check-in codes, check-in and check-out, and the organizer's verification. */
export const createHoursApp = (now: Clock = systemClock): ServiceApp => {
  const app = createServiceApp('hours', 'Check-in codes, attendance and verification of volunteer hours.');
  registerCodeRoutes(app, now);
  registerAttendanceRoutes(app, now);
  registerListRoutes(app);
  registerDecisionRoutes(app, now);
  return app;
};
