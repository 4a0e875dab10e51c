import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { idempotencyKeyOf, securedRoute } from '@lianxin/shared/http/route';
import { adjust } from '../../app/adjust';
import { Adjustment, AdjustmentBody } from '../schemas';

const route = securedRoute({
  method: 'post', path: '/ledger/adjustments', action: 'adjustment.make', idempotent: true,
  summary: 'Award, deduct, reverse points or fund a budget (admin, or an organizer from their budget; with a reason; Idempotency-Key required)',
  request: { headers: IdempotencyHeaders, body: jsonBody(AdjustmentBody) },
  responses: { 201: jsonContent(Adjustment, 'The committed adjustment'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const registerAdjustments = (app: ServiceApp, clock: Clock) =>
  app.openapi(route, async (c) =>
    c.json(await adjust({ principal: principalOf(c), idempotencyKey: idempotencyKeyOf(c), adjustment: c.req.valid('json') }, clock()), 201));
