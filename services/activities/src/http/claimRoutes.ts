import { createRoute } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { idempotent } from '@lianxin/shared/http/idempotency';
import { claimShift } from '../commands/claimShift';
import { claimsOf } from '../store/claims';
import { table } from '../store/table';
import type { Clock } from './clock';
import { only } from './roles';
import { bearer, errors, json } from './openapi';
import { ClaimList, ClaimView, IdempotencyHeaders, ShiftParams } from './schemas';

const claimRoute = createRoute({
  method: 'post',
  path: '/activities/{activityId}/shifts/{shiftId}/claims',
  summary: 'Claim a place in a shift (volunteer in the activity\'s audience, until the shift ends)',
  security: bearer,
  middleware: [only('volunteer'), idempotent(table)] as const,
  request: { params: ShiftParams, headers: IdempotencyHeaders },
  responses: { 201: json(ClaimView, 'The confirmed claim'), ...errors(400, 401, 403, 404, 409, 422) },
});

const myClaimsRoute = createRoute({
  method: 'get',
  path: '/me/claims',
  summary: 'The caller\'s claims, newest shift first',
  security: bearer,
  middleware: [only('volunteer')] as const,
  responses: { 200: json(ClaimList, 'The caller\'s claims'), ...errors(401, 403) },
});

export const registerClaimRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(claimRoute, async (c) => {
    const { activityId, shiftId } = c.req.valid('param');
    const idempotencyKey = c.req.valid('header')['idempotency-key'];
    const claim = await claimShift({ activityId, shiftId, volunteer: principalOf(c), idempotencyKey }, now());
    return c.json(claim, 201);
  });

  app.openapi(myClaimsRoute, async (c) => c.json({ items: await claimsOf(principalOf(c).userId) }, 200));
};
