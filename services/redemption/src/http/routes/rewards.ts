import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { idempotencyKeyOf, securedRoute } from '@lianxin/shared/http/route';
import { listRewards } from '../../app/listRewards';
import { redeemReward } from '../../app/redeemReward';
import { redemptionView } from '../../domain/view';
import { RedeemBody, Redemption, RewardList, RewardParams, RewardQuery } from '../schemas';

const listRoute = securedRoute({
  method: 'get',
  path: '/rewards',
  action: 'reward.list',
  request: { query: RewardQuery },
  responses: { 200: jsonContent(RewardList, 'Rewards of every shop, or of one (`merchantId`)'), ...errorResponses(400, 401, 403) },
});

const redeemRoute = securedRoute({
  method: 'post',
  path: '/rewards/{rewardId}/redemptions',
  action: 'reward.redeem',
  idempotent: true,
  // Not `jsonBody`: the body carries nothing yet, and a request without one has always been accepted.
  request: { params: RewardParams, headers: IdempotencyHeaders, body: { content: { 'application/json': { schema: RedeemBody } } } },
  responses: {
    202: jsonContent(Redemption, 'One unit reserved; pending until the ledger holds the points (poll until held)'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

export const rewardRoutes = (app: ServiceApp, clock: Clock) => {
  app.openapi(listRoute, async (c) => c.json({ items: await listRewards(c.req.valid('query')) }, 200));

  app.openapi(redeemRoute, async (c) => {
    const input = { rewardId: c.req.valid('param').rewardId, volunteer: principalOf(c), idempotencyKey: idempotencyKeyOf(c) };
    return c.json(redemptionView(await redeemReward(input, clock()), 'owner'), 202);
  });
};
