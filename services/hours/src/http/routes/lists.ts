import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { listMyHours } from '../../app/listMyHours';
import { listPendingHours } from '../../app/listPendingHours';
import { HourLogListSchema, PendingHourLogListSchema, viewOf } from '../schemas';

const mineRoute = securedRoute({
  method: 'get',
  path: '/me/hours',
  action: 'hours.readOwn',
  tags: ['hours'],
  summary: "The caller's hour logs, newest first",
  responses: { 200: jsonContent(HourLogListSchema, 'Hour logs'), ...errorResponses(401) },
});

const pendingRoute = securedRoute({
  method: 'get',
  path: '/hours/pending',
  action: 'hours.listPending',
  tags: ['verification'],
  summary: "Checked-out hours awaiting verification in the caller's organizations, oldest first",
  responses: { 200: jsonContent(PendingHourLogListSchema, 'Hour logs, and the most a bonus may be'), ...errorResponses(401, 403) },
});

export const registerListRoutes = (app: ServiceApp) => {
  app.openapi(mineRoute, async (c) => c.json({ items: (await listMyHours(principalOf(c))).map(viewOf) }, 200));
  app.openapi(pendingRoute, async (c) => {
    const { items, maxBonusPoints } = await listPendingHours(principalOf(c));
    return c.json({ items: items.map(viewOf), maxBonusPoints }, 200);
  });
};
