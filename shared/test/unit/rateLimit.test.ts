import { z } from '@hono/zod-openapi';
import { describe, expect, it, vi } from 'vitest';
import { type Principal } from '../../src/auth/principal';
import { createServiceApp } from '../../src/http/app';
import { jsonBody, jsonContent } from '../../src/http/openapi';
import { securedRoute } from '../../src/http/route';
import { person, testToken } from '../../src/testing';

// Small limits, read by the limiters on every request.
vi.stubEnv('RATE_LIMIT_WRITES_PER_PERSON', '3');
vi.stubEnv('RATE_LIMIT_WRITES_PER_ADDRESS', '5');

const app = createServiceApp('probe', 'Rate limits under test');
const Note = z.object({ text: z.string().min(1) });
app.openapi(
  securedRoute({ method: 'post', path: '/notes', action: 'wish.post', request: { body: jsonBody(Note) }, responses: { 201: jsonContent(Note, 'kept') } }),
  (c) => c.json(c.req.valid('json'), 201),
);
app.openapi(securedRoute({ method: 'get', path: '/notes', action: 'wish.read', responses: { 200: jsonContent(Note, 'a note') } }), (c) => c.json({ text: 'hi' }, 200));

/** A request as API Gateway hands it over: `address` becomes the event's source IP. */
const call = async (as: Principal, method: 'GET' | 'POST', address?: string) => {
  const init = {
    method,
    headers: { authorization: `Bearer ${await testToken(as)}`, 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: JSON.stringify({ text: 'tea at 3' }) } : {}),
  };
  const env = address ? { event: { requestContext: { http: { sourceIp: address } } } } : undefined;
  const res = await app.request('/notes', init, env as never);
  return { status: res.status, body: (await res.json()) as { error?: { code: string } }, retryAfter: res.headers.get('retry-after') };
};
const volunteer = () => person({ roles: ['volunteer'] });

describe('write rate limits', () => {
  it('answers the 4th write of one person in a window with 429, in the error format, with Retry-After', async () => {
    const chen = volunteer();
    const first = await Promise.all([1, 2, 3].map(() => call(chen, 'POST')));
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    const fourth = await call(chen, 'POST');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error?.code).toBe('RATE_LIMITED');
    expect(Number(fourth.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(fourth.retryAfter)).toBeLessThanOrEqual(60);
  });

  it('leaves another person and the limited person\'s reads alone', async () => {
    const chen = volunteer();
    for (let i = 0; i < 4; i++) await call(chen, 'POST');
    expect((await call(chen, 'POST')).status).toBe(429);
    expect((await call(chen, 'GET')).status).toBe(200);
    expect((await call(volunteer(), 'POST')).status).toBe(201);
  });

  it('limits one address across people, and leaves other addresses alone', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(volunteer(), 'POST', '10.0.0.1')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const sixth = await call(volunteer(), 'POST', '10.0.0.1');
    expect(sixth.status).toBe(429);
    expect(sixth.retryAfter).toMatch(/^\d+$/);
    expect((await call(volunteer(), 'POST', '10.0.0.2')).status).toBe(201);
    expect((await call(volunteer(), 'GET', '10.0.0.1')).status).toBe(200);
  });

  it('counts writes with bad tokens against the address', async () => {
    const bad = async () => (await app.request('/notes', { method: 'POST', headers: { authorization: 'Bearer nope' } }, { event: { requestContext: { http: { sourceIp: '10.0.0.9' } } } } as never)).status;
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await bad());
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('documents 429 on write routes only', async () => {
    const doc = (await (await app.request('/probe/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(doc.paths['/notes']?.post?.responses).toHaveProperty('429');
    expect(doc.paths['/notes']?.get?.responses).not.toHaveProperty('429');
  });
});
