import { type Clock, systemClock } from '@lianxin/shared/clock';
import { createServiceApp } from '@lianxin/shared/http/app';
import { counterRoutes } from './routes/counter';
import { redemptionRoutes } from './routes/redemptions';
import { rewardRoutes } from './routes/rewards';

/** The redemption API; tests pass a clock to stand at another time (e.g. past a code's expiry). */
export const createApp = (clock: Clock = systemClock) => {
  const app = createServiceApp('redemption', 'Alliance rewards priced in points, redemptions and one-time codes.', 'REDEMPTION_TABLE');
  rewardRoutes(app, clock);
  redemptionRoutes(app);
  counterRoutes(app, clock);
  return app;
};
