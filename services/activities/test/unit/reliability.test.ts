import { describe, expect, it } from 'vitest';
import { type AttendanceOutcome, RELIABILITY_THRESHOLD, RELIABILITY_WINDOW_DAYS, bandOf, reliabilityOf } from '../../src/domain/reliability/reliability';

const NOW = new Date('2031-05-01T08:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3_600_000).toISOString();
const outcome = (claimId: string, attended: boolean, endedDaysAgo = 1): AttendanceOutcome => ({
  claimId,
  outcome: attended ? 'attended' : 'no_show',
  shiftEndsAt: daysAgo(endedDaysAgo),
});

describe('reliability', () => {
  it('counts a volunteer without history as reliable', () => {
    const none = reliabilityOf([], NOW);
    expect(none).toEqual({ ratio: 1, attended: 0, confirmed: 0, windowDays: RELIABILITY_WINDOW_DAYS });
    expect(bandOf(none)).toBe('reliable');
  });

  it('is attended ÷ confirmed', () => {
    const r = reliabilityOf([outcome('a', true), outcome('b', true), outcome('c', false)], NOW);
    expect(r).toMatchObject({ attended: 2, confirmed: 3 });
    expect(r.ratio).toBeCloseTo(2 / 3);
    expect(bandOf(r)).toBe('unreliable');
  });

  it('keeps the reliable band at exactly the threshold (one no-show in five), not below it', () => {
    expect(RELIABILITY_THRESHOLD).toBe(0.8);
    const fourOfFive = ['a', 'b', 'c', 'd'].map((id) => outcome(id, true)).concat(outcome('e', false));
    expect(bandOf(reliabilityOf(fourOfFive, NOW))).toBe('reliable');
    expect(bandOf(reliabilityOf([...fourOfFive, outcome('f', false)], NOW))).toBe('unreliable');
  });

  it('forgets outcomes older than the window, and ignores ones from the future', () => {
    const r = reliabilityOf([outcome('old', false, RELIABILITY_WINDOW_DAYS + 1), outcome('edge', true, RELIABILITY_WINDOW_DAYS), outcome('future', false, -1)], NOW);
    expect(r).toMatchObject({ ratio: 1, attended: 1, confirmed: 1 });
  });
});
