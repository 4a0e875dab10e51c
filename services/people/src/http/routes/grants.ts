import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { idempotencyKeyOf, securedRoute } from '@lianxin/shared/http/route';
import { grantRole } from '../../app/grants/grantRole';
import { listGrants } from '../../app/grants/listGrants';
import { revokeGrant } from '../../app/grants/revokeGrant';
import { lookupPerson } from '../../app/lookupPerson';
import { grantView } from '../../domain/view';
import { Grant, GrantBody, GrantList, GrantParams, GrantQuery, LookupQuery, PersonLookup, RevokeBody } from '../schemas/grants';

const lookupRoute = securedRoute({
  method: 'get', path: '/people/lookup', action: 'person.lookup',
  request: { query: LookupQuery },
  responses: { 200: jsonContent(PersonLookup, 'The person with this mobile number, masked'), ...errorResponses(400, 401, 403, 404) },
});

const listRoute = securedRoute({
  method: 'get', path: '/people/grants', action: 'grant.list',
  request: { query: GrantQuery },
  responses: { 200: jsonContent(GrantList, "A person's grants, active and revoked, newest first (a merchant: their shops')"), ...errorResponses(400, 401, 403) },
});

const grantRoute = securedRoute({
  method: 'post', path: '/people/grants', action: 'grant.create', idempotent: true,
  request: { headers: IdempotencyHeaders, body: jsonBody(GrantBody) },
  responses: {
    201: jsonContent(Grant, 'Granted (RoleGranted.v1); the next token carries it'),
    200: jsonContent(Grant, 'An equal grant is active already: that one'),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const revokeRoute = securedRoute({
  method: 'post', path: '/people/grants/{grantId}/revoke', action: 'grant.revoke',
  request: { params: GrantParams, body: jsonBody(RevokeBody) },
  responses: { 200: jsonContent(Grant, 'Revoked (RoleRevoked.v1)'), ...errorResponses(400, 401, 403, 404, 409) },
});

/** Roles are granted, never claimed: finding the person, granting, listing, revoking. */
export const grantRoutes = (app: ServiceApp, clock: Clock) => {
  app.openapi(lookupRoute, async (c) => c.json(await lookupPerson(c.req.valid('query')), 200));
  app.openapi(listRoute, async (c) => {
    const grants = await listGrants({ viewer: principalOf(c), personId: c.req.valid('query').personId });
    return c.json({ items: grants.map(grantView) }, 200);
  });
  app.openapi(grantRoute, async (c) => {
    const input = { granter: principalOf(c), ...c.req.valid('json'), idempotencyKey: idempotencyKeyOf(c) };
    const { grant, created } = await grantRole(input, clock());
    return created ? c.json(grantView(grant), 201) : c.json(grantView(grant), 200);
  });
  app.openapi(revokeRoute, async (c) => {
    const input = { revoker: principalOf(c), grantId: c.req.valid('param').grantId, reason: c.req.valid('json').reason };
    return c.json(grantView(await revokeGrant(input, clock())), 200);
  });
};
