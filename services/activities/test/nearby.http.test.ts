import { caller } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from './fixtures';

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

  it.each([['near', 'near=91,10'], ['near', 'near=10'], ['near', 'near=a,b'], ['radiusM', 'near=10,10&radiusM=6000']])(
    'answers 400 naming %s for %s',
    async (field, query) => {
      const res = await caller(app, volunteer())('GET', `/activities?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty(field);
    },
  );
});
