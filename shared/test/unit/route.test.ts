import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { currentCorrelationId } from '../../src/context';
import { events } from '../../src/events/catalog';
import { busy } from '../../src/errors';
import { createServiceApp, principalOf } from '../../src/http/app';
import { errorResponses, jsonBody, jsonContent, pathId } from '../../src/http/openapi';
import { securedRoute } from '../../src/http/route';
import { caller, person } from '../../src/testing';

const app = createServiceApp('probe', 'The route kit under test');
const route = securedRoute({
  method: 'post',
  path: '/things/{thingId}/claims',
  action: 'claim.create',
  request: { params: pathId('thingId'), body: jsonBody(z.object({ name: z.string().min(2) })) },
  responses: { 201: jsonContent(z.object({ said: z.string(), correlationId: z.string(), eventCorrelation: z.string() }), 'ok'), ...errorResponses(400, 401, 403, 503) },
});
app.openapi(route, async (c) => {
  const { name } = c.req.valid('json');
  if (name === 'busy') throw busy('BUSY', 'try later', 3);
  const event = events.ShiftClaimedV1.make({ claimId: 'c', activityId: 'a', shiftId: c.req.valid('param').thingId, volunteerId: principalOf(c).userId }, 'x');
  return c.json({ said: `${name} by ${principalOf(c).name}`, correlationId: currentCorrelationId() ?? '', eventCorrelation: event.correlationId ?? '' }, 201);
});

const volunteer = caller(app, person({ roles: ['volunteer'], name: 'Chen' }));
const merchant = caller(app, person({ roles: ['merchant'] }));

describe('the route kit', () => {
  it('authenticates first: no token is 401 even with a bad body', async () => {
    const res = await caller(app)('POST', '/things/t1/claims', { body: {} });
    expect(res.status).toBe(401);
  });

  it('refuses a role the policy does not allow with 403 before validating the body', async () => {
    const res = await merchant('POST', '/things/t1/claims', { body: { name: 1 } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('validates the body of an allowed caller, naming the field', async () => {
    const res = await volunteer('POST', '/things/t1/claims', { body: { name: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('name');
  });

  it('carries a correlation id through the request into the events it makes', async () => {
    const res = await volunteer('POST', '/things/t1/claims', { body: { name: 'tea' }, headers: { 'x-correlation-id': 'cor-test-1' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ said: 'tea by Chen', correlationId: 'cor-test-1', eventCorrelation: 'cor-test-1' });
    expect(res.headers.get('x-correlation-id')).toBe('cor-test-1');
  });

  it('starts a correlation id when the caller gives none (or an implausible one)', async () => {
    const res = await volunteer('POST', '/things/t1/claims', { body: { name: 'tea' }, headers: { 'x-correlation-id': 'bad id with spaces' } });
    expect(res.body.correlationId).toMatch(/^cor_/);
    expect(res.headers.get('x-correlation-id')).toBe(res.body.correlationId);
  });

  it('answers a busy error with Retry-After', async () => {
    const res = await volunteer('POST', '/things/t1/claims', { body: { name: 'busy' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3');
  });

  it("documents the route's security and policy action", async () => {
    const doc = (await (await app.request('/probe/openapi.json')).json()) as { paths: Record<string, Record<string, { security: unknown; 'x-action': string }>> };
    const op = doc.paths['/things/{thingId}/claims']?.post;
    expect(op?.security).toEqual([{ bearer: [] }]);
    expect(op?.['x-action']).toBe('claim.create');
  });
});
