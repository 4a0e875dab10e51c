import { createRoute } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { currentPolicy, replacePolicy } from '../store/policy';
import { errorResponses } from './access';
import { Policy, PolicyBody } from './adminSchemas';

const json = { 'application/json': { schema: Policy } };

const getRoute = createRoute({
  method: 'get', path: '/ledger/policy', security: [{ bearer: [] }], summary: 'The earning policy in force',
  responses: { 200: { description: 'The earning policy', content: json }, ...errorResponses({ 401: 'Not signed in' }) },
});

const putRoute = createRoute({
  method: 'put', path: '/ledger/policy', security: [{ bearer: [] }],
  summary: 'Replace the earning policy (admin); the version goes up, past transfers keep theirs',
  request: { body: { required: true, content: { 'application/json': { schema: PolicyBody } } } },
  responses: {
    200: { description: 'The new policy', content: json },
    ...errorResponses({ 400: 'Bad input', 401: 'Not signed in', 403: 'Not an admin', 409: 'Changed meanwhile' }),
  },
});

export const registerPolicy = (app: ServiceApp) => {
  app.openapi(getRoute, async (c) => c.json(await currentPolicy(), 200));
  app.openapi(putRoute, async (c) => {
    const principal = principalOf(c);
    requireRole(principal, 'admin');
    return c.json(await replacePolicy(c.req.valid('json'), principal.userId), 200);
  });
};
