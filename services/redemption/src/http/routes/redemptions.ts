import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { getRedemption } from '../../app/getRedemption';
import { listMyRedemptions } from '../../app/listMyRedemptions';
import { Redemption, RedemptionList, RedemptionParams } from '../schemas';

const oneRoute = securedRoute({
  method: 'get',
  path: '/redemptions/{redemptionId}',
  action: 'redemption.read',
  request: { params: RedemptionParams },
  responses: { 200: jsonContent(Redemption, 'A redemption, for its volunteer or its shop'), ...errorResponses(401, 403, 404) },
});

const mineRoute = securedRoute({
  method: 'get',
  path: '/me/redemptions',
  action: 'redemption.listOwn',
  responses: {
    200: jsonContent(RedemptionList, "A volunteer's own redemptions, or a merchant's shop's, newest first"),
    ...errorResponses(401, 403),
  },
});

export const redemptionRoutes = (app: ServiceApp) => {
  app.openapi(oneRoute, async (c) =>
    c.json(await getRedemption({ redemptionId: c.req.valid('param').redemptionId, viewer: principalOf(c) }), 200),
  );

  app.openapi(mineRoute, async (c) => c.json({ items: await listMyRedemptions({ viewer: principalOf(c) }) }, 200));
};
