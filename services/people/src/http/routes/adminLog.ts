import type { ServiceApp } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { readAdminLog } from '../../app/readAdminLog';
import { PeopleAdminLog, PeopleAdminLogQuery } from '../schemas/adminLog';

const route = securedRoute({
  method: 'get', path: '/people/admin-log', action: 'people.adminLog',
  summary: 'The append-only log of grants, revocations, 双报到 decisions and closures, newest first (admin)',
  request: { query: PeopleAdminLogQuery },
  responses: { 200: jsonContent(PeopleAdminLog, 'Entries, newest first'), ...errorResponses(400, 401, 403) },
});

export const adminLogRoutes = (app: ServiceApp) => app.openapi(route, async (c) => c.json(await readAdminLog(c.req.valid('query')), 200));
