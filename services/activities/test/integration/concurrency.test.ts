import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@lianxin/shared/db/client';
import { caller } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

/**
 * Run `tasks` with at most `width` in flight. DynamoDB Local on a shared CI machine times
 * requests out (8 s) when 200 transactions queue at once; 50 in flight still race hard for
 * the same shift item, which is what this test is about.
 */
const inParallel = async <T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
};

describe('claims racing for the last places', () => {
  it('confirms exactly capacity of 200 parallel claims on a 20-place shift and waitlists the rest', async () => {
    const d = await freshDistrict();
    const shifts = [{ startsAt: hoursFromNow(3), endsAt: hoursFromNow(5), capacity: 20 }];
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const path = `/activities/${body.activityId}/shifts/${body.shifts[0].shiftId}/claims`;

    const answers = await inParallel(
      Array.from({ length: 200 }, (_, i) => () => caller(app, volunteer())('POST', path, { body: {}, idempotencyKey: `race-${i}` })),
      50,
    );

    const statuses = answers.map((a) => a.status);
    const odd = answers.filter((a) => a.status !== 201 && a.status !== 202);
    expect(odd.map((a) => a.body)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    const waiting = answers.filter((a) => a.status === 202 && a.body.status === 'waitlisted');
    expect(waiting).toHaveLength(180);
    expect(waiting.every((a) => a.body.position >= 1 && a.body.position <= 180)).toBe(true);
    const activity = await caller(app, volunteer())('GET', `/activities/${body.activityId}`);
    expect(activity.body.shifts[0]).toMatchObject({ capacity: 20, confirmed: 20, waitlisted: 180, remaining: 0 });
  }, 240_000);

  it('answers a retry after BUSY (its idempotency record dropped, though the claim committed) with that same claim, counted once', async () => {
    const d = await freshDistrict();
    const shifts = [{ startsAt: hoursFromNow(3), endsAt: hoursFromNow(5), capacity: 1 }];
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const path = `/activities/${body.activityId}/shifts/${body.shifts[0].shiftId}/claims`;
    await caller(app, volunteer())('POST', path, { body: {}, idempotencyKey: 'first' });
    const late = volunteer();
    const first = await caller(app, late)('POST', path, { body: {}, idempotencyKey: 'busy-then-retry' });
    expect(first.body).toMatchObject({ status: 'waitlisted', position: 1 });
    // What a 503 leaves behind: the idempotency middleware drops its record so the key can be retried.
    await documentClient().send(new DeleteCommand({ TableName: process.env.ACTIVITIES_TABLE, Key: { pk: `IDEM#${late.userId}#busy-then-retry`, sk: 'IDEM' } }));
    const retry = await caller(app, late)('POST', path, { body: {}, idempotencyKey: 'busy-then-retry' });
    expect(retry.status).toBe(202);
    expect(retry.body).toMatchObject({ claimId: first.body.claimId, status: 'waitlisted', position: 1 });
    const shift = (await caller(app, late)('GET', `/activities/${body.activityId}`)).body.shifts[0];
    expect(shift).toMatchObject({ confirmed: 1, waitlisted: 1 });
  });
});
