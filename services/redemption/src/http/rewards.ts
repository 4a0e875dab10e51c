import { createRoute } from '@hono/zod-openapi';
import { idFromKey } from '@lianxin/shared/ids';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { idempotent } from '@lianxin/shared/http/idempotency';
import { redemptionView } from '../domain/view';
import { listRewards } from '../store/catalog';
import { placeRedemption } from '../store/request';
import { table } from '../store/table';
import { IdempotencyHeaders, RedeemBody, Redemption, RewardList, RewardParams, RewardQuery, errors, json } from './schemas';
import type { Clock } from '@lianxin/shared/clock';

const listRoute = createRoute({
  method: 'get', path: '/rewards', security: [{ bearer: [] }],
  request: { query: RewardQuery },
  responses: { 200: json(RewardList, 'Rewards of every shop, or of one (`merchantId`)'), ...errors(400, 401) },
});

const redeemRoute = createRoute({
  method: 'post', path: '/rewards/{rewardId}/redemptions', security: [{ bearer: [] }],
  middleware: [idempotent(table)] as const,
  request: { params: RewardParams, headers: IdempotencyHeaders, body: { content: { 'application/json': { schema: RedeemBody } } } },
  responses: {
    202: json(Redemption, 'One unit reserved; pending until the ledger holds the points (poll until held)'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});

export const rewardRoutes = (app: ServiceApp, clock: Clock) => {
  app.openapi(listRoute, async (c) => c.json({ items: await listRewards(c.req.valid('query').merchantId) }, 200));

  app.openapi(redeemRoute, async (c) => {
    const volunteer = principalOf(c);
    requireRole(volunteer, 'volunteer');
    const { rewardId } = c.req.valid('param');
    const redemptionId = idFromKey('rdm', volunteer.userId, c.req.valid('header')['idempotency-key']);
    const redemption = await placeRedemption({ redemptionId, rewardId, volunteerId: volunteer.userId }, clock());
    return c.json(redemptionView(redemption, 'owner'), 202);
  });
};
