import { describe, expect, it } from 'vitest';
import { ATTENDANCE_GRACE_MINUTES, type Claimant, outcomesToRecord, sweepWindow } from '../../src/domain/attendanceOutcome';
import type { Shift } from '../../src/domain/shift';
import { sampleShift } from '../support/samples';

/** The end written without milliseconds, as a producer may: the event carries it normalised. */
const shift: Shift = { ...sampleShift, endsAt: '2025-03-05T03:00:00Z' };
const afterEnd = (minutes: number) => new Date(Date.parse(shift.endsAt) + minutes * 60_000);
const claimant = (claimId: string, overrides: Partial<Claimant> = {}): Claimant => ({
  claimId,
  volunteerId: `u-${claimId}`,
  cancelled: false,
  checkedIn: false,
  recorded: false,
  ...overrides,
});

describe('attendance outcomes', () => {
  it('records attended for who checked in and no_show for who did not, once the grace has passed', () => {
    const outcomes = outcomesToRecord(shift, [claimant('a', { checkedIn: true }), claimant('b')], afterEnd(ATTENDANCE_GRACE_MINUTES));
    expect(outcomes).toEqual([
      { claimId: 'a', activityId: 'act_1', shiftId: 'sh_1', volunteerId: 'u-a', outcome: 'attended', shiftEndsAt: '2025-03-05T03:00:00.000Z' },
      { claimId: 'b', activityId: 'act_1', shiftId: 'sh_1', volunteerId: 'u-b', outcome: 'no_show', shiftEndsAt: '2025-03-05T03:00:00.000Z' },
    ]);
  });

  it('records nothing before the shift has ended and the grace passed', () => {
    expect(outcomesToRecord(shift, [claimant('a')], afterEnd(-30))).toEqual([]);
    expect(outcomesToRecord(shift, [claimant('a')], afterEnd(ATTENDANCE_GRACE_MINUTES - 1))).toEqual([]);
  });

  it('skips cancelled claims and claims already recorded', () => {
    const outcomes = outcomesToRecord(shift, [claimant('a', { cancelled: true }), claimant('b', { recorded: true }), claimant('c')], afterEnd(60));
    expect(outcomes.map((o) => o.claimId)).toEqual(['c']);
  });
});

describe('the sweep window', () => {
  it('ends a grace before now and names every UTC day it touches', () => {
    const window = sweepWindow(new Date('2025-03-05T00:10:00.000Z'));
    expect(window.to).toBe('2025-03-04T23:55:00.000Z');
    expect(window.from < window.to).toBe(true);
    expect(window.days).toEqual(['2025-03-03', '2025-03-04']);
  });

  it('includes the current day once the grace is over midnight', () => {
    const window = sweepWindow(new Date('2025-03-05T12:00:00.000Z'));
    expect(window.days.at(-1)).toBe('2025-03-05');
    expect(new Set(window.days).size).toBe(window.days.length);
  });
});
