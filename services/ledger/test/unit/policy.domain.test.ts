import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, capPeriods, clipToCaps, earnAmount, earnRefusal, earningFor, earningNote } from '../../src/domain/policy';
import { adjustmentCommand, irreversible } from '../../src/domain/adjustments';

const policy = { ...DEFAULT_POLICY, minPointsPerHour: 5, maxPointsPerHour: 20, categoryCoefficients: { 助老: 1.5 } };

describe('earning policy', () => {
  it('holds the hourly rate within bounds and applies category coefficients', () => {
    expect(earnAmount(policy, { kind: 'shift', pointsPerHour: 15, minutes: 120 })).toBe(30);
    expect(earnAmount(policy, { kind: 'shift', pointsPerHour: 30, minutes: 120 })).toBe(40);
    expect(earnAmount(policy, { kind: 'shift', pointsPerHour: 1, minutes: 120 })).toBe(10);
    expect(earnAmount(policy, { kind: 'shift', pointsPerHour: 15, minutes: 60, category: '助老' })).toBe(22);
    expect(earnAmount(policy, { kind: 'shift', pointsPerHour: 15, minutes: 60, category: '环境' })).toBe(15);
  });

  it('pays the organizer bonus even when the time earns nothing', () => {
    expect(earnAmount(policy, { kind: 'shift', pointsPerHour: 10, minutes: 0, bonusPoints: 5 })).toBe(5);
    // Five minutes at the lowest rate (5 an hour) round down to 0 points; the bonus stays.
    expect(earnAmount(policy, { kind: 'shift', pointsPerHour: 1, minutes: 5, bonusPoints: 5 })).toBe(5);
    expect(earningFor(policy, { kind: 'shift', pointsPerHour: 10, minutes: 0, bonusPoints: 5 }, 0, 0)).toEqual({ wanted: 5, amount: 5 });
  });

  it('earns a wish at the policy wish rate, whatever the shift bounds', () => {
    expect(earnAmount(DEFAULT_POLICY, { kind: 'wish', minutes: 90 })).toBe(15);
    expect(earnAmount({ ...policy, wishPointsPerHour: 60 }, { kind: 'wish', minutes: 60, pointsPerHour: 7 })).toBe(60);
    expect(earnAmount({ ...policy, wishPointsPerHour: 10 }, { kind: 'wish', minutes: 60, category: '助老', bonusPoints: 3 })).toBe(18);
  });

  it('holds a shift without a rate at the lowest rate', () => {
    expect(earnAmount(policy, { kind: 'shift', minutes: 120 })).toBe(10);
  });

  it('names why an earn moves nothing: a total of 0, or no room under a cap', () => {
    const nothing = earningFor(policy, { kind: 'shift', pointsPerHour: 10, minutes: 0 }, 0, 0);
    expect(earnRefusal(nothing)).toBe('INVALID_AMOUNT');
    const capped = earningFor(policy, { kind: 'shift', pointsPerHour: 10, minutes: 60 }, policy.dailyCap, 0);
    expect(capped).toEqual({ wanted: 10, amount: 0, clippedBy: 'daily cap' });
    expect(earnRefusal(capped)).toBe('CAP_REACHED');
    expect(earnRefusal(earningFor(policy, { kind: 'wish', minutes: 6 }, 0, 0))).toBeUndefined();
    expect(earningNote({ ...policy, version: 4 }, capped)).toBe('policy v4; clipped 10→0 by daily cap');
  });

  it('clips to what is left under the tighter cap', () => {
    expect(clipToCaps(policy, 50, 180, 0)).toEqual({ amount: 20, clippedBy: 'daily cap' });
    expect(clipToCaps(policy, 50, 0, 1990)).toEqual({ amount: 10, clippedBy: 'monthly cap' });
    expect(clipToCaps(policy, 50, 250, 0)).toEqual({ amount: 0, clippedBy: 'daily cap' });
    expect(clipToCaps(policy, 50, 0, 0)).toEqual({ amount: 50 });
  });

  it('counts days and months in Beijing time', () => {
    expect(capPeriods(new Date('2026-01-31T15:59:59Z'))).toEqual({ day: 'D#2026-01-31', month: 'M#2026-01' });
    expect(capPeriods(new Date('2026-01-31T16:00:00Z'))).toEqual({ day: 'D#2026-02-01', month: 'M#2026-02' });
  });
});

describe('adjustment commands', () => {
  it('mints awards from issuance and sends deductions and reversals to sys:reversals', () => {
    expect(adjustmentCommand('t', { kind: 'AWARD', userId: 'u', amount: 3, reason: 'r' })).toMatchObject({ debitAccount: 'sys:issuance', creditAccount: 'user:u', memo: 'r' });
    expect(adjustmentCommand('t', { kind: 'DEDUCT', userId: 'u', amount: 3, reason: 'r' })).toMatchObject({ debitAccount: 'user:u', creditAccount: 'sys:reversals' });
    const original = { transferId: 'earn:1', kind: 'EARN', status: 'COMMITTED', creditAccount: 'user:u', amount: 9 };
    expect(adjustmentCommand('t', { kind: 'REVERSAL', originalTransferId: 'earn:1', amount: 3, reason: 'r' }, original)).toMatchObject({ debitAccount: 'user:u', originalTransferId: 'earn:1' });
    expect(irreversible(original)).toBeUndefined();
    expect(irreversible({ ...original, kind: 'HOLD' })).toBeDefined();
    expect(irreversible({ ...original, status: 'FAILED' })).toBeDefined();
  });
});
