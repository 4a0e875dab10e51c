import type { ServiceApp } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { readAdminLog } from '../../app/readAdminLog';
import { AdminLog, AdminLogQuery } from '../schemas';

const route = securedRoute({
  method: 'get', path: '/ledger/admin-log', action: 'ledger.adminLog',
  summary: 'The append-only log of awards, deductions, reversals, budget fundings, freezes and policy changes, newest first (admin)',
  request: { query: AdminLogQuery },
  responses: { 200: jsonContent(AdminLog, 'Entries, newest first'), ...errorResponses(400, 401, 403) },
});

export const registerAdminLog = (app: ServiceApp) => app.openapi(route, async (c) => c.json(await readAdminLog(c.req.valid('query')), 200));
