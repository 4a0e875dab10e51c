import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { decideDual } from '../../app/dual/decide';
import { listDual } from '../../app/dual/list';
import { ConfirmDualBody, DualQuery, DualRegistrationItem, DualRegistrationList, PersonParams, RejectDualBody } from '../schemas/dual';

const listRoute = securedRoute({
  method: 'get', path: '/people/dual-registrations', action: 'dualRegistration.list',
  request: { query: DualQuery },
  responses: {
    200: jsonContent(DualRegistrationList, "双报到 of the communities the caller's organizations serve (an admin: all), newest first"),
    ...errorResponses(400, 401, 403),
  },
});

const confirmRoute = securedRoute({
  method: 'post', path: '/people/dual-registrations/{personId}/confirm', action: 'dualRegistration.decide',
  request: { params: PersonParams, body: jsonBody(ConfirmDualBody) },
  responses: {
    200: jsonContent(DualRegistrationItem, 'Confirmed: the next token carries the party tags (DualRegistrationConfirmed.v1)'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const rejectRoute = securedRoute({
  method: 'post', path: '/people/dual-registrations/{personId}/reject', action: 'dualRegistration.decide',
  request: { params: PersonParams, body: jsonBody(RejectDualBody) },
  responses: { 200: jsonContent(DualRegistrationItem, 'Rejected, with the reason'), ...errorResponses(400, 401, 403, 404, 409) },
});

/** The community's confirmation of 双报到. */
export const dualRegistrationRoutes = (app: ServiceApp, clock: Clock) => {
  app.openapi(listRoute, async (c) => c.json({ items: await listDual({ viewer: principalOf(c), status: c.req.valid('query').status }) }, 200));
  app.openapi(confirmRoute, async (c) => {
    const input = { decider: principalOf(c), personId: c.req.valid('param').personId, decision: { outcome: 'confirmed' as const } };
    return c.json(await decideDual(input, clock()), 200);
  });
  app.openapi(rejectRoute, async (c) => {
    const decision = { outcome: 'rejected' as const, reason: c.req.valid('json').reason };
    return c.json(await decideDual({ decider: principalOf(c), personId: c.req.valid('param').personId, decision }, clock()), 200);
  });
};
