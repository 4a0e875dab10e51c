import { z } from '@hono/zod-openapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServiceApp } from '../../src/http/app';
import { jsonContent } from '../../src/http/openapi';
import { securedRoute } from '../../src/http/route';

const PORTAL = 'https://portal.lianxin.example';

const appWith = (origins?: string) => {
  if (origins !== undefined) vi.stubEnv('PORTAL_ORIGINS', origins);
  const app = createServiceApp('probe', 'CORS under test');
  app.openapi(securedRoute({ method: 'get', path: '/notes', action: 'wish.read', responses: { 200: jsonContent(z.object({}), 'ok') } }), (c) => c.json({}, 200));
  return app;
};

const preflight = (app: ReturnType<typeof appWith>, origin: string) =>
  app.request('/notes', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key' },
  });

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('CORS', () => {
  it("answers a portal origin's preflight with the allowed and exposed headers", async () => {
    const res = await preflight(appWith(`${PORTAL}, http://localhost:5173`), PORTAL);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id']);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(['Retry-After', 'X-Correlation-Id', 'Idempotent-Replayed']);
  });

  it('lets the portal read error answers too (a 401 carries the CORS headers)', async () => {
    const res = await appWith(PORTAL).request('/notes', { headers: { origin: PORTAL } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Correlation-Id');
  });

  it('gives any other origin no CORS header at all', async () => {
    const app = appWith(PORTAL);
    expect(corsHeaders(await preflight(app, 'https://evil.example'))).toEqual([]);
    expect(corsHeaders(await app.request('/notes', { headers: { origin: 'https://evil.example' } }))).toEqual([]);
  });

  it('adds no CORS header when no portal origin is configured', async () => {
    vi.stubEnv('PORTAL_ORIGINS', '');
    expect(corsHeaders(await preflight(appWith(), PORTAL))).toEqual([]);
  });
});
