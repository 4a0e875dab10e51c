import type { Clock } from '@lianxin/shared/clock';
import type { ServiceApp } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { publicRoute, securedRoute } from '@lianxin/shared/http/route';
import { transparencyReport } from '../../app/transparencyReport';
import { TransparencyQuery, TransparencyReport } from '../schemas';

const route = securedRoute({
  method: 'get', path: '/ledger/transparency', action: 'transparency.read',
  summary: 'Points issued, redeemed and expired per community (公开透明; anyone signed in, or GET /public/transparency)',
  request: { query: TransparencyQuery },
  responses: { 200: jsonContent(TransparencyReport, 'The aggregates, per community and in total'), ...errorResponses(400, 401) },
});

/** The same aggregates for residents who never signed up: no person is named in them. */
const publicReport = publicRoute({
  method: 'get', path: '/public/transparency', public: 'aggregates per community and organisation, no person in them',
  summary: 'Points issued, redeemed and expired per community, for everyone (公开透明; no sign-in)',
  request: { query: TransparencyQuery },
  responses: { 200: jsonContent(TransparencyReport, 'The aggregates, per community and in total'), ...errorResponses(400) },
});

export const registerTransparency = (app: ServiceApp, clock: Clock) => {
  app.openapi(route, async (c) => c.json(await transparencyReport(c.req.valid('query'), clock()), 200));
  app.openapi(publicReport, async (c) => c.json(await transparencyReport(c.req.valid('query'), clock()), 200));
};
