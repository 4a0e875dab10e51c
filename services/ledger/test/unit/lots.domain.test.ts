import { describe, expect, it } from 'vitest';
import { addLots, expiringSoon, lotExpiry, newCohorts, takeOldest } from '../../src/domain/lots';
import { DEFAULT_POLICY, earnAmount } from '../../src/domain/policy';
import { measureOf, monthsOf } from '../../src/domain/transparency';

describe('lot validity (Beijing time)', () => {
  it('ends with the following year, counted from the Beijing date', () => {
    const endOfFollowing = { kind: 'endOfFollowingYear' } as const;
    expect(lotExpiry(endOfFollowing, new Date('2026-03-01T00:00:00Z'))).toBe('2027-12-31T16:00:00.000Z');
    // 31 December 16:30 UTC is already 1 January in Beijing: the next year's cohort.
    expect(lotExpiry(endOfFollowing, new Date('2026-12-31T16:30:00Z'))).toBe('2028-12-31T16:00:00.000Z');
  });

  it('or ends N months after the month earned, across year ends', () => {
    expect(lotExpiry({ kind: 'months', months: 12 }, new Date('2026-03-15T00:00:00Z'))).toBe('2027-03-31T16:00:00.000Z');
    expect(lotExpiry({ kind: 'months', months: 2 }, new Date('2026-11-20T00:00:00Z'))).toBe('2027-01-31T16:00:00.000Z');
  });
});

describe('lots', () => {
  const old = { expiresAt: '2026-12-31T16:00:00.000Z', points: 5 };
  const young = { expiresAt: '2027-12-31T16:00:00.000Z', points: 10 };

  it('merge into cohorts, oldest first, and drop empty ones', () => {
    expect(addLots([young], [old, { ...young, points: 3 }, { ...old, points: 0 }])).toEqual([old, { ...young, points: 13 }]);
  });

  it('are spent oldest first, and say what came from where', () => {
    expect(takeOldest([young, old], 7)).toEqual({ rest: [{ ...young, points: 8 }], taken: [old, { ...young, points: 2 }] });
    expect(takeOldest([old], 5)).toEqual({ rest: [], taken: [old] });
  });

  it('count as expiring soon within 30 days, and name cohorts new to a wallet', () => {
    expect(expiringSoon([old, young], new Date('2026-12-05T00:00:00Z'))).toEqual([old]);
    expect(expiringSoon([old, young], new Date('2026-11-01T00:00:00Z'))).toEqual([]);
    expect(newCohorts([old], [old, young])).toEqual([young.expiresAt]);
  });
});

describe('organizer bonus and transparency measures', () => {
  it('adds the bonus up to the policy maximum, never a negative one', () => {
    const hour = { kind: 'shift', pointsPerHour: 10, minutes: 60 } as const;
    expect(earnAmount(DEFAULT_POLICY, { ...hour, bonusPoints: 5 })).toBe(15);
    expect(earnAmount(DEFAULT_POLICY, { ...hour, bonusPoints: 500 })).toBe(10 + DEFAULT_POLICY.maxOrganizerBonus);
    expect(earnAmount(DEFAULT_POLICY, { ...hour, bonusPoints: -5 })).toBe(10);
  });

  it('counts earns and awards to wallets as issued, captures as redeemed, corrections apart', () => {
    expect(measureOf('EARN', 'user:u')).toBe('issued');
    expect(measureOf('AWARD', 'org:o:budget')).toBeUndefined();
    expect(measureOf('POST', 'merchant:m')).toBe('redeemed');
    expect(measureOf('HOLD', 'merchant:m')).toBeUndefined();
    expect(measureOf('REVERSAL', 'sys:reversals')).toBe('corrected');
    expect(monthsOf('2026')).toHaveLength(12);
    expect(monthsOf('2026-02')).toEqual(['2026-02']);
  });
});
