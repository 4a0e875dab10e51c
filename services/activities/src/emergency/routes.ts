import { z } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { errors, json } from '../http/openapi';
import { jsonBody, pathId, signedInRoute } from '../wishes/routing';
import { only } from '../http/roles';
import { IssueCallInput, LEVELS, RespondInput, callView } from './call';
import { answerCall, getCall, issueCall, visibleCalls } from './commands';

const ids = z.array(z.string());

const CallView = z
  .object({
    callId: z.string(),
    orgId: z.string(),
    title: z.string(),
    description: z.string(),
    gridIds: ids,
    communityIds: ids,
    streetIds: ids,
    targetHeadcount: z.number().int(),
    musterPoint: z.object({ address: z.string(), lat: z.number(), lng: z.number() }),
    escalateAfterMinutes: z.number().int(),
    level: z.enum(LEVELS),
    accepted: z.number().int(),
    declined: z.number().int(),
    status: z.literal('open'),
    issuedBy: z.string(),
    issuedAt: z.string(),
    escalateAt: z.string().optional(),
    headcount: z.object({
      accepted: z.number().int(),
      declined: z.number().int(),
      target: z.number().int(),
      reachedGridIds: ids,
      reachedCommunityIds: ids,
      reachedStreetIds: ids,
      level: z.enum(LEVELS),
    }),
  })
  .openapi('EmergencyCall');

const CallParams = pathId('callId');

const issueRoute = signedInRoute(
  {
    method: 'post',
    path: '/emergency-calls',
    summary: 'Issue an emergency call (平急结合) to grids the organizer\'s organization serves',
    request: jsonBody(IssueCallInput.openapi('IssueEmergencyCall')),
    responses: { 201: json(CallView, 'The call, open at grid level'), ...errors(400, 401, 403, 404) },
  },
  only('organizer'),
);

const listRoute = signedInRoute({
  method: 'get',
  path: '/emergency-calls',
  summary: 'Open calls reaching the volunteer\'s grid, and the organizer\'s own calls, newest first',
  responses: { 200: json(z.object({ items: z.array(CallView) }), 'The calls'), ...errors(401, 403) },
});

const getRoute = signedInRoute({
  method: 'get',
  path: '/emergency-calls/{callId}',
  summary: 'One call with its live headcount',
  request: { params: CallParams },
  responses: { 200: json(CallView, 'The call'), ...errors(401, 404) },
});

const respondRoute = signedInRoute(
  {
    method: 'post',
    path: '/emergency-calls/{callId}/responses',
    summary: 'Accept or decline (a later answer replaces the earlier one); volunteers the call reaches',
    request: { params: CallParams, ...jsonBody(RespondInput.openapi('EmergencyResponse')) },
    responses: { 200: json(CallView, 'The call with the headcount after the answer'), ...errors(400, 401, 403, 404, 409) },
  },
  only('volunteer'),
);

export const registerEmergencyRoutes = (app: ServiceApp, clock: () => Date = () => new Date()) => {
  app.openapi(issueRoute, async (c) => c.json(callView(await issueCall(c.req.valid('json'), principalOf(c), clock())), 201));

  app.openapi(listRoute, async (c) => {
    const p = principalOf(c);
    requireRole(p, 'volunteer', 'organizer');
    return c.json({ items: (await visibleCalls(p)).map(callView) }, 200);
  });

  app.openapi(getRoute, async (c) => c.json(callView(await getCall(c.req.valid('param').callId)), 200));

  app.openapi(respondRoute, async (c) => {
    const call = await answerCall(c.req.valid('param').callId, principalOf(c), c.req.valid('json').answer, clock());
    return c.json(callView(call), 200);
  });
};
