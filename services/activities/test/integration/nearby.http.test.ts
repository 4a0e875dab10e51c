import { caller } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

/** A point `metres` east of `origin` (small distances). */
const east = (origin: { lat: number; lng: number }, metres: number) => ({
  lat: origin.lat,
  lng: origin.lng + metres / (111_195 * Math.cos((origin.lat * Math.PI) / 180)),
});

describe('GET /activities?near=', () => {
  it('returns only published activities within the radius, nearest first, with the other filters', async () => {
    const d = await freshDistrict();
    // A spot of its own per run, so other tests' activities stay out of the circle.
    const origin = { lat: -30 + Math.random() * 60, lng: -150 + Math.random() * 300 };
    const publish = async (metres: number, extra: Record<string, unknown> = {}) => {
      const shifts = [{ startsAt: hoursFromNow(20), endsAt: hoursFromNow(22), capacity: 3 }];
      const { body, status } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { location: east(origin, metres), shifts, ...extra }) });
      expect(status).toBe(201);
      return body.activityId as string;
    };
    const at900 = await publish(900, { category: '助老' });
    const at300 = await publish(300);
    const at2000 = await publish(2000);
    await publish(100, { draft: true });
    const cancelled = await publish(50);
    await caller(app, d.organizer)('POST', `/activities/${cancelled}/cancel`, { body: { reason: 'x' } });

    const call = caller(app, volunteer());
    const near = await call('GET', `/activities?near=${origin.lat},${origin.lng}`);
    expect(near.status).toBe(200);
    expect(near.body.items.map((a: { activityId: string }) => a.activityId)).toEqual([at300, at900]);
    expect(near.body.items[0].distanceM).toBeCloseTo(300, -1);
    const wide = await call('GET', `/activities?near=${origin.lat},${origin.lng}&radiusM=2500`);
    expect(wide.body.items.map((a: { activityId: string }) => a.activityId)).toEqual([at300, at900, at2000]);
    const elderly = await call('GET', `/activities?near=${origin.lat},${origin.lng}&radiusM=2500&category=助老`);
    expect(elderly.body.items.map((a: { activityId: string }) => a.activityId)).toEqual([at900]);
    const paged = await call('GET', `/activities?near=${origin.lat},${origin.lng}&radiusM=2500&limit=2`);
    const rest = await call('GET', `/activities?near=${origin.lat},${origin.lng}&radiusM=2500&limit=2&cursor=${paged.body.cursor}`);
    expect(rest.body.items.map((a: { activityId: string }) => a.activityId)).toEqual([at2000]);
  });

  it('pages through many hits nearest first, every activity exactly once', async () => {
    const d = await freshDistrict();
    const origin = { lat: -30 + Math.random() * 60, lng: -150 + Math.random() * 300 };
    const shifts = [{ startsAt: hoursFromNow(20), endsAt: hoursFromNow(22), capacity: 3 }];
    // Some share a distance, so the order's tie-break (start, then id) is exercised too.
    const metres = Array.from({ length: 33 }, (_, i) => 40 + (i % 11) * 90);
    const published = await Promise.all(
      metres.map(async (m) => (await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { location: east(origin, m), shifts }) })).body.activityId as string),
    );
    const call = caller(app, volunteer());
    const seen: { activityId: string; distanceM: number }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call('GET', `/activities?near=${origin.lat},${origin.lng}&radiusM=1200&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.items);
      cursor = res.body.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(7);
    expect(seen.map((a) => a.activityId).sort()).toEqual([...published].sort());
    const distances = seen.map((a) => a.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('keeps filtering by the entry and the details together: grid, organization, skill', async () => {
    const d = await freshDistrict();
    const origin = { lat: -30 + Math.random() * 60, lng: -150 + Math.random() * 300 };
    const shifts = [{ startsAt: hoursFromNow(20), endsAt: hoursFromNow(22), capacity: 3 }];
    const publish = async (metres: number, extra: Record<string, unknown> = {}) =>
      (await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { location: east(origin, metres), shifts, ...extra }) })).body.activityId as string;
    const first = await publish(100, { skills: ['急救'] });
    await publish(200);
    const third = await publish(300, { skills: ['急救'] });
    const call = caller(app, volunteer());
    const base = `/activities?near=${origin.lat},${origin.lng}`;
    expect((await call('GET', `${base}&skill=急救&limit=1`)).body.items.map((a: { activityId: string }) => a.activityId)).toEqual([first]);
    const page = await call('GET', `${base}&skill=急救&limit=1`);
    const next = await call('GET', `${base}&skill=急救&limit=1&cursor=${page.body.cursor}`);
    expect(next.body.items.map((a: { activityId: string }) => a.activityId)).toEqual([third]);
    expect(next.body.cursor).toBeUndefined();
    expect((await call('GET', `${base}&gridId=${d.otherGrid.gridId}`)).body.items).toEqual([]);
    expect((await call('GET', `${base}&orgId=${d.org.orgId}&gridId=${d.grid.gridId}`)).body.items).toHaveLength(3);
  });

  it('answers 400 naming the cursor for one it did not issue', async () => {
    const res = await caller(app, volunteer())('GET', '/activities?near=10,10&cursor=nonsense');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('cursor');
  });

  it.each([['near', 'near=91,10'], ['near', 'near=10'], ['near', 'near=a,b'], ['radiusM', 'near=10,10&radiusM=6000']])(
    'answers 400 naming %s for %s',
    async (field, query) => {
      const res = await caller(app, volunteer())('GET', `/activities?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty(field);
    },
  );
});
