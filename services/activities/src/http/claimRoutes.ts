import { createRoute } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { idempotent } from '@lianxin/shared/http/idempotency';
import { cancelOwnClaim } from '../commands/cancelClaim';
import { claimShift } from '../commands/claimShift';
import { claimBusy, claimsOf, waitlistPosition } from '../store/claims';
import { table } from '../store/table';
import type { Clock } from '@lianxin/shared/clock';
import { limitInFlight } from './inFlight';
import { only } from './roles';
import { bearer, errors, json } from './openapi';
import { ClaimList, ClaimParams, ClaimView, IdempotencyHeaders, ShiftParams } from './schemas';
import { claimView } from './views';

/**
 * Claims of one shift this process works on at once: enough to keep DynamoDB busy and the
 * shift's batches full (store/claims.ts), few enough that requests do not queue inside the
 * SDK until they time out. A Lambda serves one request at a time, so this only shapes bursts
 * inside one process (the local stage, the bench); such a burst drains at DynamoDB's pace,
 * and a claim still queued after 20 s (API Gateway gives up at 30 s) is answered BUSY.
 */
const CLAIMS_IN_FLIGHT_PER_SHIFT = 64;
const CLAIM_QUEUE_WAIT_MS = 20_000;

const claimRoute = createRoute({
  method: 'post',
  path: '/activities/{activityId}/shifts/{shiftId}/claims',
  summary: 'Claim a place in a shift, or join its waitlist when it is full (volunteer in the activity\'s audience, until the shift ends)',
  security: bearer,
  middleware: [only('volunteer'), limitInFlight('shiftId', CLAIMS_IN_FLIGHT_PER_SHIFT, CLAIM_QUEUE_WAIT_MS, claimBusy), idempotent(table)] as const,
  request: { params: ShiftParams, headers: IdempotencyHeaders },
  responses: {
    201: json(ClaimView, 'The confirmed claim'),
    202: json(ClaimView, 'Every place is taken: the claim waits (status waitlisted, position 1 is next in line)'),
    ...errors(400, 401, 403, 404, 409, 422, 503),
  },
});

const cancelRoute = createRoute({
  method: 'delete',
  path: '/claims/{claimId}',
  summary: 'Give up one\'s claim; a freed place goes to the head of the waitlist (a confirmed place only until the activity\'s cancellation deadline)',
  security: bearer,
  middleware: [only('volunteer')] as const,
  request: { params: ClaimParams },
  responses: { 200: json(ClaimView, 'The cancelled claim'), ...errors(401, 403, 404, 409) },
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
    const { claim, position } = await claimShift({ activityId, shiftId, volunteer: principalOf(c), idempotencyKey }, now());
    if (claim.status !== 'waitlisted') return c.json(claimView(claim), 201);
    // A retry that finds its claim already committed learns its place in line here.
    return c.json(claimView(claim, position ?? (await waitlistPosition(claim))), 202);
  });

  app.openapi(cancelRoute, async (c) => {
    const { claim } = await cancelOwnClaim(principalOf(c), c.req.valid('param').claimId, now());
    return c.json(claimView(claim), 200);
  });

  app.openapi(myClaimsRoute, async (c) => c.json({ items: (await claimsOf(principalOf(c).userId)).map((claim) => claimView(claim)) }, 200));
};
