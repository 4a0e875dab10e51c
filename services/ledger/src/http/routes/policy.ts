import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { changePolicy } from '../../app/changePolicy';
import { readPolicy } from '../../app/readPolicy';
import { Policy, PolicyBody } from '../schemas';

const getRoute = securedRoute({
  method: 'get', path: '/ledger/policy', action: 'earningPolicy.read', summary: 'The earning policy in force',
  responses: { 200: jsonContent(Policy, 'The earning policy'), ...errorResponses(401) },
});

const putRoute = securedRoute({
  method: 'put', path: '/ledger/policy', action: 'earningPolicy.change',
  summary: 'Replace the earning policy (admin); the version goes up, past transfers keep theirs',
  request: { body: jsonBody(PolicyBody) },
  responses: { 200: jsonContent(Policy, 'The new policy'), ...errorResponses(400, 401, 403, 409) },
});

export const registerPolicy = (app: ServiceApp, clock: Clock) => {
  app.openapi(getRoute, async (c) => c.json(await readPolicy(), 200));
  app.openapi(putRoute, async (c) => c.json(await changePolicy({ principal: principalOf(c), changes: c.req.valid('json') }, clock()), 200));
};
