import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { confirmAtCounter } from '../../app/confirmAtCounter';
import { redemptionView } from '../../domain/view';
import { ConfirmBody, Redemption } from '../schemas';

const confirmRoute = securedRoute({
  method: 'post',
  path: '/redemptions/confirm',
  action: 'redemption.confirm',
  request: { body: jsonBody(ConfirmBody) },
  responses: {
    200: jsonContent(Redemption, 'Confirmed at the counter; completed once the ledger posts the points'),
    ...errorResponses(400, 401, 403, 404, 409, 410),
  },
});

/** The shop's counter: a merchant uses a volunteer's one-time code. */
export const counterRoutes = (app: ServiceApp, clock: Clock) => {
  app.openapi(confirmRoute, async (c) => {
    const confirmed = await confirmAtCounter({ code: c.req.valid('json').code, merchant: principalOf(c) }, clock());
    return c.json(redemptionView(confirmed, 'merchant'), 200);
  });
};
