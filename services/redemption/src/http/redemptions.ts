import { createRoute } from '@hono/zod-openapi';
import { hasRole } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import type { Redemption } from '../domain/redemption';
import { type Viewer, audienceOf, redemptionView } from '../domain/view';
import { confirmByCode } from '../store/confirm';
import { getRedemption, listRedemptions } from '../store/redemptions';
import { ConfirmBody, Redemption as RedemptionSchema, RedemptionList, RedemptionParams, errors, json } from './schemas';
import type { Clock } from '@lianxin/shared/clock';
import { viewerOf } from './viewer';

const oneRoute = createRoute({
  method: 'get', path: '/redemptions/{redemptionId}', security: [{ bearer: [] }],
  request: { params: RedemptionParams },
  responses: { 200: json(RedemptionSchema, 'A redemption, for its volunteer or its shop'), ...errors(401, 403, 404) },
});

const mineRoute = createRoute({
  method: 'get', path: '/me/redemptions', security: [{ bearer: [] }],
  responses: { 200: json(RedemptionList, "A volunteer's own redemptions, or a merchant's shop's, newest first"), ...errors(401, 403) },
});

const confirmRoute = createRoute({
  method: 'post', path: '/redemptions/confirm', security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: ConfirmBody } } } },
  responses: {
    200: json(RedemptionSchema, 'Confirmed at the counter; completed once the ledger posts the points'),
    ...errors(400, 401, 403, 404, 409, 410),
  },
});

/** Everything the viewer may see, each once, newest first, shaped for how they see it. */
const visibleTo = (viewer: Viewer, found: Redemption[]) => {
  const unique = [...new Map(found.map((r) => [r.redemptionId, r])).values()];
  return unique
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .flatMap((r) => {
      const audience = audienceOf(viewer, r);
      return audience ? [redemptionView(r, audience)] : [];
    });
};

export const redemptionRoutes = (app: ServiceApp, clock: Clock) => {
  app.openapi(oneRoute, async (c) => {
    const person = principalOf(c);
    requireRole(person, 'volunteer', 'merchant');
    const { redemptionId } = c.req.valid('param');
    const redemption = await getRedemption(redemptionId);
    const audience = redemption && audienceOf(viewerOf(person), redemption);
    // Someone else's redemption is answered as unknown: ids are not to be probed.
    if (!redemption || !audience) throw notFound('redemption', redemptionId);
    return c.json(redemptionView(redemption, audience), 200);
  });

  app.openapi(mineRoute, async (c) => {
    const person = principalOf(c);
    requireRole(person, 'volunteer', 'merchant');
    const viewer = viewerOf(person);
    const lists = await Promise.all([
      ...(hasRole(person, 'volunteer') ? [listRedemptions({ volunteerId: person.userId })] : []),
      ...viewer.merchantIds.map((merchantId) => listRedemptions({ merchantId })),
    ]);
    return c.json({ items: visibleTo(viewer, lists.flat()) }, 200);
  });

  app.openapi(confirmRoute, async (c) => {
    const merchant = principalOf(c);
    requireRole(merchant, 'merchant');
    const confirmed = await confirmByCode(c.req.valid('json').code, viewerOf(merchant), clock());
    return c.json(redemptionView(confirmed, 'merchant'), 200);
  });
};
