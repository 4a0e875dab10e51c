import { type ServiceApp, createServiceApp } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';
import { registerActivityRoutes } from './activityRoutes';
import { registerClaimRoutes } from './claimRoutes';
import { registerRosterRoutes } from './rosterRoutes';
import { registerScheduleRoutes } from './scheduleRoutes';
import { registerEmergencyRoutes } from '../emergency/routes';
import { registerWishRoutes } from '../wishes/routes';
import { registerStatsRoutes } from '../stats/routes';
import { registerReliabilityRoutes } from '../reliability/routes';
import { type Clock, systemClock } from '@lianxin/shared/clock';

/**
 * The activities API. `authenticate` guards every path but the OpenAPI document, which
 * createServiceApp registered first and so answers before these middlewares run.
 */
export const createActivitiesApp = (now: Clock = systemClock): ServiceApp => {
  const app = createServiceApp('activities', 'Activities, their shifts, and volunteers\' claims of places in them.');
  app.use('/activities/*', authenticate);
  app.use('/me/claims', authenticate);
  app.use('/claims/*', authenticate);
  app.use('/me/schedule', authenticate);
  app.use('/shifts/*', authenticate);
  app.use('/me/schedule.ics', authenticate);
  app.use('/stats/*', authenticate);
  registerActivityRoutes(app, now);
  registerClaimRoutes(app, now);
  registerScheduleRoutes(app, now);
  registerRosterRoutes(app);
  registerWishRoutes(app, now);
  registerEmergencyRoutes(app, now);
  registerStatsRoutes(app);
  registerReliabilityRoutes(app, now);
  return app;
};

export const app = createActivitiesApp();
