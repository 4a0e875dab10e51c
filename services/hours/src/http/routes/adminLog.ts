import type { ServiceApp } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { readAdminLog } from '../../app/readAdminLog';
import { AdminLogQuery, AdminLogSchema } from '../schemas';

const route = securedRoute({
  method: 'get',
  path: '/hours/admin-log',
  action: 'hours.adminLog',
  tags: ['verification'],
  summary: 'The append-only log of hour verifications and rejections (actor, organization, before and after), newest first (admin)',
  request: { query: AdminLogQuery },
  responses: { 200: jsonContent(AdminLogSchema, 'Entries, newest first'), ...errorResponses(400, 401, 403) },
});

export const registerAdminLogRoute = (app: ServiceApp) => app.openapi(route, async (c) => c.json(await readAdminLog(c.req.valid('query')), 200));
