import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { cancelClaim } from '../../app/cancelClaim';
import { claimShift } from '../../app/claimShift';
import { listMyClaims } from '../../app/listMyClaims';
import { claimBusy } from '../../domain/claim';
import { limitInFlight } from '../inFlight';
import { ClaimList, ClaimParams, ClaimView, ShiftParams } from '../schemas/claims';
import { claimView } from '../views';

/**
 * Claims of one shift this process works on at once: enough to keep DynamoDB busy and the
 * shift's batches full (store/claimBatch.ts), few enough that requests do not queue inside the
 * SDK until they time out. A Lambda serves one request at a time, so this only shapes bursts
 * inside one process (the local stage, the bench); such a burst drains at DynamoDB's pace,
 * and a claim still queued after 20 s (API Gateway gives up at 30 s) is answered BUSY.
 */
const CLAIMS_IN_FLIGHT_PER_SHIFT = 64;
const CLAIM_QUEUE_WAIT_MS = 20_000;

const claimRoute = securedRoute({
  method: 'post',
  path: '/activities/{activityId}/shifts/{shiftId}/claims',
  action: 'claim.create',
  guards: [limitInFlight('shiftId', CLAIMS_IN_FLIGHT_PER_SHIFT, CLAIM_QUEUE_WAIT_MS, claimBusy)],
  idempotent: true,
  summary: 'Claim a place in a shift, or join its waitlist when it is full (volunteer in the activity\'s audience, until the shift ends)',
  request: { params: ShiftParams, headers: IdempotencyHeaders },
  responses: {
    201: jsonContent(ClaimView, 'The confirmed claim'),
    202: jsonContent(ClaimView, 'Every place is taken: the claim waits (status waitlisted, position 1 is next in line)'),
    ...errorResponses(400, 401, 403, 404, 409, 422, 503),
  },
});

const cancelRoute = securedRoute({
  method: 'delete',
  path: '/claims/{claimId}',
  action: 'claim.cancel',
  summary: 'Give up one\'s claim; a freed place goes to the head of the waitlist (a confirmed place only until the activity\'s cancellation deadline)',
  request: { params: ClaimParams },
  responses: { 200: jsonContent(ClaimView, 'The cancelled claim'), ...errorResponses(401, 403, 404, 409) },
});

const myClaimsRoute = securedRoute({
  method: 'get',
  path: '/me/claims',
  action: 'claim.listOwn',
  summary: 'The caller\'s claims, newest shift first',
  responses: { 200: jsonContent(ClaimList, 'The caller\'s claims'), ...errorResponses(401, 403) },
});

export const registerClaimRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(claimRoute, async (c) => {
    const { activityId, shiftId } = c.req.valid('param');
    const idempotencyKey = c.req.valid('header')['idempotency-key'];
    const { claim, position } = await claimShift({ activityId, shiftId, volunteer: principalOf(c), idempotencyKey }, now());
    return claim.status === 'waitlisted' ? c.json(claimView(claim, position), 202) : c.json(claimView(claim), 201);
  });

  app.openapi(cancelRoute, async (c) => c.json(claimView(await cancelClaim(principalOf(c), c.req.valid('param').claimId, now())), 200));

  app.openapi(myClaimsRoute, async (c) => c.json({ items: (await listMyClaims(principalOf(c))).map((claim) => claimView(claim)) }, 200));
};
