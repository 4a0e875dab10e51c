import { describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { createApp } from '../../src/http/app';
import { ledgerEvents } from '../../src/events/consumer';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { getTransfer } from '../../src/store/transfers';
import { deliver, hoursVerified } from '../support/support';

const app = createApp();

/** Hours worth `points` over `minutes` (10 points an hour unless told): the rate is what makes them so. */
const earn = async (userId: string, points: number, at: Date, minutes = points * 6) => {
  const e = hoursVerified(userId, points, newId('hl'), at);
  await deliver(ledgerEvents, { ...e, data: { ...e.data, minutes, pointsPerHour: (points * 60) / minutes } });
  return getTransfer(`earn:${e.data.hourLogId}`);
};

describe('earning policy and caps (Beijing days)', () => {
  it('clips to the daily cap, fails at the cap, and resets on the next Beijing day', async () => {
    const v = person({ roles: ['volunteer'] });
    // 2026-03-02 15:59 UTC is 23:59 in Beijing; 16:00 UTC is already the next day there.
    const day1 = new Date('2026-03-02T15:59:00Z');
    expect(await earn(v.userId, 150, day1)).toMatchObject({ status: 'COMMITTED', amount: 150 });
    const clipped = await earn(v.userId, 80, day1);
    expect(clipped).toMatchObject({ status: 'COMMITTED', amount: 50 });
    expect(clipped!.memo).toContain('clipped 80→50 by daily cap');
    expect(await earn(v.userId, 10, day1)).toMatchObject({ status: 'FAILED', failureReason: 'CAP_REACHED' });
    expect(await earn(v.userId, 10, new Date('2026-03-02T16:00:00Z'))).toMatchObject({ status: 'COMMITTED', amount: 10 });
    expect((await caller(app, v)('GET', '/me/points')).body).toMatchObject({ available: 210, lifetimeEarned: 210 });
  });

  it('never lets concurrent earns exceed the daily cap together', async () => {
    const v = person({ roles: ['volunteer'] });
    const at = new Date('2026-07-07T02:00:00Z');
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => earn(v.userId, 60, at)));
    const committed = outcomes.filter((t) => t?.status === 'COMMITTED').reduce((n, t) => n + t!.amount, 0);
    expect(committed).toBe(DEFAULT_POLICY.dailyCap);
    expect((await caller(app, v)('GET', '/me/points')).body.available).toBe(DEFAULT_POLICY.dailyCap);
  });

  it('holds the monthly cap across days', async () => {
    const v = person({ roles: ['volunteer'] });
    const days = DEFAULT_POLICY.monthlyCap / DEFAULT_POLICY.dailyCap;
    for (let d = 1; d <= days; d++) await earn(v.userId, DEFAULT_POLICY.dailyCap, new Date(Date.UTC(2026, 4, d, 4)));
    expect(await earn(v.userId, 5, new Date(Date.UTC(2026, 4, days + 1, 4)))).toMatchObject({ status: 'FAILED', failureReason: 'CAP_REACHED' });
    expect(await earn(v.userId, 5, new Date(Date.UTC(2026, 5, 1, 4)))).toMatchObject({ status: 'COMMITTED', amount: 5 });
  });

  it('computes under the policy in force and never changes past transfers', async () => {
    const admin = caller(app, person({ roles: ['admin'] }));
    const v = person({ roles: ['volunteer'] });
    const before = (await admin('GET', '/ledger/policy')).body;
    const first = await earn(v.userId, 45, new Date(), 60);
    expect(first).toMatchObject({ amount: 45, policyVersion: before.version });
    // Only the top rate changes: concurrent tests earn at 10 points an hour.
    const { version: _v, ...rest } = before;
    const changed = await admin('PUT', '/ledger/policy', { body: { ...rest, maxPointsPerHour: 40 } });
    try {
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ version: before.version + 1, maxPointsPerHour: 40 });
      expect(await earn(v.userId, 45, new Date(), 60)).toMatchObject({ amount: 40, policyVersion: before.version + 1 });
      expect(await getTransfer(first!.transferId)).toEqual(first);
      expect((await caller(app, v)('GET', '/me/points')).body.available).toBe(85);
    } finally {
      await admin('PUT', '/ledger/policy', { body: rest });
    }
  });

  it('applies the category coefficient and caps the organizer bonus, under the policy in force', async () => {
    const admin = caller(app, person({ roles: ['admin'] }));
    const { version: _v, ...rest } = (await admin('GET', '/ledger/policy')).body;
    const category = `医疗-${newId('t')}`;
    expect((await admin('PUT', '/ledger/policy', { body: { ...rest, categoryCoefficients: { ...rest.categoryCoefficients, [category]: 1.5 }, maxOrganizerBonus: 10 } })).status).toBe(200);
    try {
      const v = person({ roles: ['volunteer'] });
      const e = hoursVerified(v.userId, 10);
      await deliver(ledgerEvents, { ...e, data: { ...e.data, minutes: 60, category, bonusPoints: 25 } });
      // 10 points an hour × 1.5 for the category, plus the bonus clipped to 10.
      expect(await getTransfer(`earn:${e.data.hourLogId}`)).toMatchObject({ status: 'COMMITTED', amount: 25 });
      const plain = hoursVerified(v.userId, 10);
      await deliver(ledgerEvents, { ...plain, data: { ...plain.data, minutes: 60, category: '其他' } });
      expect(await getTransfer(`earn:${plain.data.hourLogId}`)).toMatchObject({ amount: 10 });
    } finally {
      await admin('PUT', '/ledger/policy', { body: rest });
    }
  });

  it('pays a bonus even when the time earns no points, and fails only an earn worth nothing at all', async () => {
    const v = person({ roles: ['volunteer'] });
    const bonus = hoursVerified(v.userId, 10);
    await deliver(ledgerEvents, { ...bonus, data: { ...bonus.data, minutes: 0, bonusPoints: 5 } });
    expect(await getTransfer(`earn:${bonus.data.hourLogId}`)).toMatchObject({ status: 'COMMITTED', kind: 'EARN', amount: 5 });
    // Two minutes at 1 point an hour round down to 0 points; the bonus is paid all the same.
    const tiny = hoursVerified(v.userId, 10);
    await deliver(ledgerEvents, { ...tiny, data: { ...tiny.data, minutes: 2, pointsPerHour: 1, bonusPoints: 5 } });
    expect(await getTransfer(`earn:${tiny.data.hourLogId}`)).toMatchObject({ status: 'COMMITTED', amount: 5 });
    const nothing = hoursVerified(v.userId, 10);
    await deliver(ledgerEvents, { ...nothing, data: { ...nothing.data, minutes: 0 } });
    expect(await getTransfer(`earn:${nothing.data.hourLogId}`)).toMatchObject({ status: 'FAILED', failureReason: 'INVALID_AMOUNT' });
    expect((await caller(app, v)('GET', '/me/points')).body).toMatchObject({ available: 10, lifetimeEarned: 10 });
  });

  it('earns a micro-wish at the policy wish rate, which admins set', async () => {
    const admin = caller(app, person({ roles: ['admin'] }));
    const { version: _v, ...rest } = (await admin('GET', '/ledger/policy')).body;
    expect(rest.wishPointsPerHour).toBe(DEFAULT_POLICY.wishPointsPerHour);
    const wish = (volunteerId: string) => {
      const e = hoursVerified(volunteerId, 10);
      const { pointsPerHour: _rate, ...data } = e.data;
      return { ...e, data: { ...data, kind: 'wish' as const, minutes: 90 } };
    };
    const v = person({ roles: ['volunteer'] });
    const first = wish(v.userId);
    await deliver(ledgerEvents, first);
    expect(await getTransfer(`earn:${first.data.hourLogId}`)).toMatchObject({ status: 'COMMITTED', amount: 15 });
    const changed = await admin('PUT', '/ledger/policy', { body: { ...rest, wishPointsPerHour: 30 } });
    try {
      expect(changed.body).toMatchObject({ wishPointsPerHour: 30 });
      const second = wish(v.userId);
      await deliver(ledgerEvents, second);
      expect(await getTransfer(`earn:${second.data.hourLogId}`)).toMatchObject({ status: 'COMMITTED', amount: 45 });
    } finally {
      await admin('PUT', '/ledger/policy', { body: rest });
    }
    const negative = await admin('PUT', '/ledger/policy', { body: { ...rest, wishPointsPerHour: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields).toHaveProperty('wishPointsPerHour');
    const fractional = await admin('PUT', '/ledger/policy', { body: { ...rest, wishPointsPerHour: 2.5 } });
    expect(fractional.body.error.fields).toHaveProperty('wishPointsPerHour');
  });

  it('validates a policy and lets only admins change it', async () => {
    const admin = caller(app, person({ roles: ['admin'] }));
    const { version: _v, ...policy } = (await admin('GET', '/ledger/policy')).body;
    const bad = await admin('PUT', '/ledger/policy', { body: { ...policy, minPointsPerHour: 60, maxPointsPerHour: 50 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('maxPointsPerHour');
    const noCap = await admin('PUT', '/ledger/policy', { body: { ...policy, dailyCap: 0 } });
    expect(noCap.body.error.fields).toHaveProperty('dailyCap');
    const volunteer = caller(app, person({ roles: ['volunteer'] }));
    expect((await volunteer('PUT', '/ledger/policy', { body: policy })).status).toBe(403);
    expect((await volunteer('GET', '/ledger/policy')).body).toMatchObject({ dailyCap: expect.any(Number) });
  });
});
