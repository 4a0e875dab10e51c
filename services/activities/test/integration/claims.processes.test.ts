import { caller } from '@lianxin/shared/testing';
import { describe, expect, it, vi } from 'vitest';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

/**
 * Claims batch per shift within one process; Lambdas are separate processes that race for
 * the same shift item. Each fresh module graph here stands for one Lambda: its own batching
 * line, the same DynamoDB table.
 */
const lambdas = async (n: number) => {
  const apps = [];
  for (let i = 0; i < n; i++) {
    vi.resetModules();
    apps.push((await import('../../src/http/app')).createApp());
  }
  return apps;
};

describe('claims from many processes at once', () => {
  it('lets 12 processes claiming one shift together all get an answer: never overbooked, never BUSY', async () => {
    const d = await freshDistrict();
    const [first, ...rest] = await lambdas(12);
    const shifts = [{ startsAt: hoursFromNow(3), endsAt: hoursFromNow(5), capacity: 15 }];
    const { body } = await caller(first!, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const path = `/activities/${body.activityId}/shifts/${body.shifts[0].shiftId}/claims`;

    const answers = await Promise.all(
      [first!, ...rest].flatMap((app, p) => [0, 1].map((i) => caller(app, volunteer())('POST', path, { body: {}, idempotencyKey: `p${p}-${i}` }))),
    );

    expect(answers.filter((a) => a.status !== 201 && a.status !== 202).map((a) => a.body)).toEqual([]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(15);
    expect(answers.filter((a) => a.status === 202)).toHaveLength(9);
    const shift = (await caller(first!, volunteer())('GET', `/activities/${body.activityId}`)).body.shifts[0];
    expect(shift).toMatchObject({ confirmed: 15, waitlisted: 9 });
  }, 60_000);
});
