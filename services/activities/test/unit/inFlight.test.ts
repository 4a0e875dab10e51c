import { busy } from '@lianxin/shared/errors';
import { createServiceApp } from '@lianxin/shared/http/app';
import { describe, expect, it } from 'vitest';
import { limitInFlight } from '../../src/http/inFlight';
import { claimBusy } from '../../src/domain/claim';

/** An app whose one route holds each request until the test lets it go. */
const heldApp = () => {
  const app = createServiceApp('inflight-test', 'test');
  const releases: (() => void)[] = [];
  app.post('/things/:thingId', limitInFlight('thingId', 1, 100, claimBusy), async (c) => {
    if (c.req.query('fail')) throw busy('BUSY', 'busy further in');
    await new Promise<void>((r) => releases.push(r));
    return c.json({ ok: true }, 201);
  });
  return { app, releaseAll: () => releases.splice(0).forEach((r) => r()) };
};

describe('limitInFlight', () => {
  it('queues a request behind the one in flight for the same key and answers BUSY with Retry-After once its wait runs out', async () => {
    const { app, releaseAll } = heldApp();
    const first = app.request('/things/a', { method: 'POST' });
    const other = app.request('/things/b', { method: 'POST' }); // another key has its own lane
    const queued = app.request('/things/a', { method: 'POST' });
    const busy = await queued;
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect((await busy.json()).error).toMatchObject({ code: 'BUSY', fields: { shiftId: expect.any(String) } });
    releaseAll();
    expect((await first).status).toBe(201);
    expect((await other).status).toBe(201);
  });

  it('lets a queued request through when the one ahead finishes in time', async () => {
    const { app, releaseAll } = heldApp();
    const first = app.request('/things/a', { method: 'POST' });
    const second = app.request('/things/a', { method: 'POST' });
    await new Promise((r) => setTimeout(r, 20));
    releaseAll(); // the first finishes; the second now runs and is held in its turn
    expect((await first).status).toBe(201);
    await new Promise((r) => setTimeout(r, 20));
    releaseAll();
    expect((await second).status).toBe(201);
  });

  it('lets a BUSY answer from further in carry its Retry-After', async () => {
    const { app } = heldApp();
    const res = await app.request('/things/a?fail=1', { method: 'POST' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });
});
