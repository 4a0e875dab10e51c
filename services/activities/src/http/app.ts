import { type ServiceApp, createServiceApp } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';
import { registerActivityRoutes } from './activityRoutes';
import { registerClaimRoutes } from './claimRoutes';
import { type Clock, systemClock } from './clock';

/**
 * The activities API. `authenticate` guards every path but the OpenAPI document, which
 * createServiceApp registered first and so answers before these middlewares run.
 */
export const createActivitiesApp = (now: Clock = systemClock): ServiceApp => {
  const app = createServiceApp('activities', 'Activities, their shifts, and volunteers\' claims of places in them.');
  app.use('/activities/*', authenticate);
  app.use('/me/claims', authenticate);
  registerActivityRoutes(app, now);
  registerClaimRoutes(app, now);
  return app;
};

export const app = createActivitiesApp();
