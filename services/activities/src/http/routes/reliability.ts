import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { myReliability } from '../../app/myReliability';
import { ReliabilityView } from '../schemas/stats';

const mineRoute = securedRoute({
  method: 'get',
  path: '/me/reliability',
  action: 'reliability.readOwn',
  summary: "The caller's attendance over the last 90 days (shifts held and attended), which orders waitlists",
  responses: { 200: jsonContent(ReliabilityView, 'Reliability'), ...errorResponses(401, 403) },
});

export const registerReliabilityRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(mineRoute, async (c) => c.json(await myReliability(principalOf(c), now()), 200));
};
