import { scopeIds } from '@lianxin/shared/auth/principal';
import { principalOf, type ServiceApp } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { hourLogsOfOrganization, hourLogsOfVolunteer } from '../store/hourLogs';
import { errorResponses, jsonContent, securedRoute } from './openapi';
import { HourLogListSchema, viewOf } from './schemas';

const byCheckOut = (a: { checkOutAt?: string }, b: { checkOutAt?: string }) =>
  (a.checkOutAt ?? '').localeCompare(b.checkOutAt ?? '');

export const registerListRoutes = (app: ServiceApp) => {
  const mine = securedRoute(app, {
    method: 'get',
    path: '/me/hours',
    tags: ['hours'],
    summary: "The caller's hour logs, newest first",
    responses: { 200: jsonContent(HourLogListSchema, 'Hour logs'), ...errorResponses(401) },
  });
  app.openapi(mine, async (c) => {
    const logs = await hourLogsOfVolunteer(principalOf(c).userId);
    return c.json({ items: logs.map(viewOf) }, 200);
  });

  const pending = securedRoute(app, {
    method: 'get',
    path: '/hours/pending',
    tags: ['verification'],
    summary: "Checked-out hours awaiting verification in the caller's organizations, oldest first",
    responses: { 200: jsonContent(HourLogListSchema, 'Hour logs'), ...errorResponses(401, 403) },
  });
  app.openapi(pending, async (c) => {
    const organizer = principalOf(c);
    requireRole(organizer, 'organizer');
    const perOrg = await Promise.all(scopeIds(organizer, 'org').map((orgId) => hourLogsOfOrganization(orgId, 'checked_out')));
    return c.json({ items: perOrg.flat().sort(byCheckOut).map(viewOf) }, 200);
  });
};
