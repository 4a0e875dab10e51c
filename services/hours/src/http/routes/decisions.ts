import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent, pathId } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { rejectHours } from '../../app/rejectHours';
import { verifyHours } from '../../app/verifyHours';
import { HourLogSchema, RejectBody, VerifyBody, viewOf } from '../schemas';

const decidedResponses = { 200: jsonContent(HourLogSchema, 'The decided hour log'), ...errorResponses(400, 401, 403, 404, 409) };

const verifyRoute = securedRoute({
  method: 'post',
  path: '/hours/{hourLogId}/verify',
  action: 'hours.verify',
  tags: ['verification'],
  summary: "Verify checked-out hours (adjusted minutes need a note, a bonus at most the policy's maximum); emits HoursVerified.v2 (minutes, no points)",
  request: { params: pathId('hourLogId'), body: jsonBody(VerifyBody) },
  responses: decidedResponses,
});

const rejectRoute = securedRoute({
  method: 'post',
  path: '/hours/{hourLogId}/reject',
  action: 'hours.reject',
  tags: ['verification'],
  summary: 'Reject checked-out hours with a reason; emits HoursRejected.v1',
  request: { params: pathId('hourLogId'), body: jsonBody(RejectBody) },
  responses: decidedResponses,
});

export const registerDecisionRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(verifyRoute, async (c) => {
    const input = { hourLogId: c.req.valid('param').hourLogId, decider: principalOf(c), command: c.req.valid('json') };
    return c.json(viewOf(await verifyHours(input, now())), 200);
  });

  app.openapi(rejectRoute, async (c) => {
    const input = { hourLogId: c.req.valid('param').hourLogId, decider: principalOf(c), command: c.req.valid('json') };
    return c.json(viewOf(await rejectHours(input, now())), 200);
  });
};
