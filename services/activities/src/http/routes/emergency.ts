import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { readCall } from '../../app/emergency/get';
import { issueCall } from '../../app/emergency/issue';
import { visibleCalls } from '../../app/emergency/list';
import { answerCall } from '../../app/emergency/respond';
import { callView } from '../../domain/emergency/call';
import { CallList, CallParams, CallView, IssueCallBody, RespondBody } from '../schemas/emergency';

const issueRoute = securedRoute({
  method: 'post',
  path: '/emergency-calls',
  action: 'emergency.issue',
  summary: 'Issue an emergency call (平急结合) to grids the organizer\'s organization serves',
  request: { body: jsonBody(IssueCallBody) },
  responses: { 201: jsonContent(CallView, 'The call, open at grid level'), ...errorResponses(400, 401, 403, 404) },
});

const listRoute = securedRoute({
  method: 'get',
  path: '/emergency-calls',
  action: 'emergency.list',
  summary: 'Open calls reaching the volunteer\'s grid, and the organizer\'s own calls, newest first',
  responses: { 200: jsonContent(CallList, 'The calls'), ...errorResponses(401, 403) },
});

const getRoute = securedRoute({
  method: 'get',
  path: '/emergency-calls/{callId}',
  action: 'emergency.read',
  summary: 'One call with its live headcount (organizers of its organization, volunteers it reaches)',
  request: { params: CallParams },
  responses: { 200: jsonContent(CallView, 'The call'), ...errorResponses(400, 401, 403, 404) },
});

const respondRoute = securedRoute({
  method: 'post',
  path: '/emergency-calls/{callId}/responses',
  action: 'emergency.respond',
  summary: 'Accept or decline (a later answer replaces the earlier one); volunteers the call reaches',
  request: { params: CallParams, body: jsonBody(RespondBody) },
  responses: { 200: jsonContent(CallView, 'The call with the headcount after the answer'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const registerEmergencyRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(issueRoute, async (c) => c.json(callView(await issueCall(c.req.valid('json'), principalOf(c), now())), 201));

  app.openapi(listRoute, async (c) => c.json({ items: (await visibleCalls(principalOf(c))).map(callView) }, 200));

  app.openapi(getRoute, async (c) => c.json(callView(await readCall(c.req.valid('param').callId, principalOf(c))), 200));

  app.openapi(respondRoute, async (c) => {
    const call = await answerCall(c.req.valid('param').callId, principalOf(c), c.req.valid('json').answer, now());
    return c.json(callView(call), 200);
  });
};
