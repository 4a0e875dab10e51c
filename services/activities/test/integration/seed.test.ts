import { caller } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { activities, grids, organizations, people } from '../../../../infra/src/demo/district';
import { createApp } from '../../src/http/app';
import { seedActivities } from '../../src/app/seed';
import { activityBody, outboxEvents, volunteer } from '../support/fixtures';

const app = createApp();

const asPerson = (userId: string) => {
  const found = people.find((p) => p.userId === userId);
  if (!found) throw new Error(`no demo person ${userId}`);
  return found;
};

describe('seedActivities', () => {
  it('publishes the demo district once, with a shift running now, however often it runs', async () => {
    const now = new Date();
    const first = await seedActivities({ grids, organizations, activities, now });
    const second = await seedActivities({ grids, organizations, activities, now: new Date(now.getTime() + 60_000) });
    expect(second).toEqual(first);
    expect(Object.keys(first).sort()).toEqual(activities.map((a) => a.key).sort());

    for (const demo of activities) {
      const { activityId, shiftIds } = first[demo.key]!;
      const events = await outboxEvents('ActivityPublished.v1', (data) => data.activityId === activityId);
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({ orgId: demo.orgId, gridId: demo.gridId, shifts: shiftIds.map((shiftId) => ({ shiftId })) });
    }

    const clean = first['clean-hubin']!;
    const { body } = await caller(app, asPerson('u-zhangwei'))('GET', `/activities/${clean.activityId}`);
    const grid = grids.find((g) => g.gridId === body.gridId)!;
    expect(body).toMatchObject({ communityId: 'c-hubin', streetId: 's-baishuihu', location: grid.center, createdBy: 'u-lihong' });
    const live = body.shifts.find((s: { shiftId: string }) => s.shiftId === clean.shiftIds[0]);
    expect(Date.parse(live.startsAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(live.endsAt)).toBeGreaterThan(Date.now());
  });

  it('lets a demo volunteer claim the live shift and a demo organizer publish in their grid', async () => {
    const seeded = await seedActivities({ grids, organizations, activities, now: new Date() });
    const { activityId, shiftIds } = seeded['clean-hubin']!;
    const claim = await caller(app, volunteer())('POST', `/activities/${activityId}/shifts/${shiftIds[0]}/claims`, { idempotencyKey: 'live' });
    expect(claim.status).toBe(201);
    const lihong = caller(app, asPerson('u-lihong'));
    expect((await lihong('POST', '/activities', { body: activityBody('g-hubin-2') })).status).toBe(201);
    expect((await lihong('POST', '/activities', { body: activityBody('g-yanshui-1') })).status).toBe(403);
    const listed = await caller(app, asPerson('u-chenjing'))('GET', '/activities?communityId=c-hubin');
    expect(listed.body.items.map((a: { activityId: string }) => a.activityId)).toEqual(
      expect.arrayContaining([seeded['clean-hubin']!.activityId, seeded['elder-visit']!.activityId, seeded['health-check']!.activityId]),
    );
  });
});
