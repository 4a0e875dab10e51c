import { caller } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from './fixtures';

describe('claims racing for the last places', () => {
  it('confirms exactly capacity of 200 parallel claims on a 20-place shift', async () => {
    const d = await freshDistrict();
    const shifts = [{ startsAt: hoursFromNow(3), endsAt: hoursFromNow(5), capacity: 20 }];
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const path = `/activities/${body.activityId}/shifts/${body.shifts[0].shiftId}/claims`;

    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => caller(app, volunteer())('POST', path, { body: {}, idempotencyKey: `race-${i}` })),
    );

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'SHIFT_FULL')).toHaveLength(180);
    const activity = await caller(app, volunteer())('GET', `/activities/${body.activityId}`);
    expect(activity.body.shifts[0]).toMatchObject({ capacity: 20, confirmed: 20, remaining: 0 });
  }, 120_000);
});
