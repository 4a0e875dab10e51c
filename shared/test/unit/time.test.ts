import { describe, expect, it } from 'vitest';
import { beijingDay, beijingMonth, beijingMonthStart, beijingWallClock, inBeijing } from '../../src/time/beijing';

describe('Beijing time', () => {
  it('puts an instant after 16:00 UTC on the next Beijing day', () => {
    expect(beijingDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(beijingDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(beijingMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });

  it('turns Beijing wall-clock times and month starts into UTC instants', () => {
    expect(beijingWallClock('2026-12-04', 9 * 60).toISOString()).toBe('2026-12-04T01:00:00.000Z');
    expect(beijingMonthStart(2026, 12).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(inBeijing(new Date('2026-12-04T01:00:00Z')).getUTCHours()).toBe(9);
  });
});
