import { type Clock, systemClock } from '@lianxin/shared/clock';
import { type ServiceApp, createServiceApp } from '@lianxin/shared/http/app';
import { registerActivityRoutes } from './routes/activities';
import { registerCalendarFeedRoutes } from './routes/calendarFeeds';
import { registerClaimRoutes } from './routes/claims';
import { registerEmergencyRoutes } from './routes/emergency';
import { registerReliabilityRoutes } from './routes/reliability';
import { registerRosterRoutes } from './routes/roster';
import { registerScheduleRoutes } from './routes/schedule';
import { registerStatsRoutes } from './routes/stats';
import { registerWishRoutes } from './routes/wishes';

/**
 * The activities API: activities and their shifts, claims and waitlists, micro-wishes,
 * emergency calls and participation statistics. Every route authenticates itself (the
 * route kit), so the OpenAPI document needs no token; the calendar feed alone is public
 * (its token is the capability). `clock` lets tests move time.
 */
export const createApp = (clock: Clock = systemClock): ServiceApp => {
  const app = createServiceApp('activities', 'Activities, their shifts, and volunteers\' claims of places in them.', 'ACTIVITIES_TABLE');
  registerActivityRoutes(app, clock);
  registerClaimRoutes(app, clock);
  registerScheduleRoutes(app, clock);
  registerCalendarFeedRoutes(app, clock);
  registerRosterRoutes(app);
  registerWishRoutes(app, clock);
  registerEmergencyRoutes(app, clock);
  registerStatsRoutes(app);
  registerReliabilityRoutes(app, clock);
  return app;
};
