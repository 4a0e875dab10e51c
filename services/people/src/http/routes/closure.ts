import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { closeAccount } from '../../app/closeAccount';
import type { IdentityProvider } from '../../app/identity';
import { CloseBody, ClosedAccount } from '../schemas/me';

const closeRoute = securedRoute({
  method: 'post', path: '/people/me/close', action: 'person.close', idempotent: true,
  request: { headers: IdempotencyHeaders, body: jsonBody(CloseBody) },
  responses: {
    200: jsonContent(ClosedAccount, 'Closed: personal data erased, grants revoked, login deleted (PersonClosed.v1)'),
    ...errorResponses(400, 401, 403, 422),
  },
});

/** Closing one's account (PIPL erasure); `identity` deletes the login. */
export const closureRoutes = (app: ServiceApp, clock: Clock, identity: IdentityProvider) => {
  app.openapi(closeRoute, async (c) => c.json(await closeAccount({ principal: principalOf(c), identity }, clock()), 200));
};
