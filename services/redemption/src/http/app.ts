import { createServiceApp } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';
import { redemptionRoutes } from './redemptions';
import { rewardRoutes } from './rewards';
import { type Clock, systemClock } from '@lianxin/shared/clock';

/** The redemption API; tests pass a clock to stand at another time (e.g. past a code's expiry). */
export const createRedemptionApp = (clock: Clock = systemClock) => {
  const app = createServiceApp('redemption', 'Alliance rewards priced in points, redemptions and one-time codes.');
  // `/rewards/*` covers `/rewards` too.
  app.use('/rewards/*', authenticate);
  app.use('/redemptions/*', authenticate);
  app.use('/me/redemptions', authenticate);
  rewardRoutes(app, clock);
  redemptionRoutes(app, clock);
  return app;
};

export const app = createRedemptionApp();
