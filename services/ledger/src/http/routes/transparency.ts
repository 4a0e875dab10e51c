import type { Clock } from '@lianxin/shared/clock';
import type { ServiceApp } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { transparencyReport } from '../../app/transparencyReport';
import { TransparencyQuery, TransparencyReport } from '../schemas';

const route = securedRoute({
  method: 'get', path: '/ledger/transparency', action: 'transparency.read',
  summary: 'Points issued, redeemed and expired per community (公开透明; anyone signed in)',
  request: { query: TransparencyQuery },
  responses: { 200: jsonContent(TransparencyReport, 'The aggregates, per community and in total'), ...errorResponses(400, 401) },
});

export const registerTransparency = (app: ServiceApp, clock: Clock) =>
  app.openapi(route, async (c) => c.json(await transparencyReport(c.req.valid('query'), clock()), 200));
