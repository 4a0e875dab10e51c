import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { participationStats } from '../../app/participationStats';
import { ParticipationView, StatsQuery } from '../schemas/stats';

const participationRoute = securedRoute({
  method: 'get',
  path: '/stats/participation',
  action: 'stats.read',
  summary: 'Activities, shifts and claims counted per grid and per community, for one grid, community or street (an organizer: places their organizations serve; an admin: any)',
  request: { query: StatsQuery },
  responses: { 200: jsonContent(ParticipationView, 'The counts'), ...errorResponses(400, 401, 403) },
});

export const registerStatsRoutes = (app: ServiceApp) => {
  app.openapi(participationRoute, async (c) => c.json(await participationStats(c.req.valid('query'), principalOf(c)), 200));
};
