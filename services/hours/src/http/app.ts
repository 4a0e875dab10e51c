import { type Clock, systemClock } from '@lianxin/shared/clock';
import { type ServiceApp, createServiceApp } from '@lianxin/shared/http/app';
import { registerAdminLogRoute } from './routes/adminLog';
import { registerAttendanceRoutes } from './routes/attendance';
import { registerCodeRoutes } from './routes/codes';
import { registerDecisionRoutes } from './routes/decisions';
import { registerListRoutes } from './routes/lists';

/** The hours API: check-in codes, check-in and check-out, the organizer's verification and its admin log. */
export const createApp = (clock: Clock = systemClock): ServiceApp => {
  const app = createServiceApp('hours', 'Check-in codes, attendance and verification of volunteer hours.', 'HOURS_TABLE');
  registerCodeRoutes(app, clock);
  registerAttendanceRoutes(app, clock);
  registerListRoutes(app);
  registerDecisionRoutes(app, clock);
  registerAdminLogRoute(app);
  return app;
};
