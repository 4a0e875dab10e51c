import { describe, expect, it } from 'vitest';
import { must } from '@lianxin/shared/errors';
import { attendedMinutes, checkIn, checkOut, hourLogIdOf } from '../../src/domain/hourLog';
import { isInCheckInWindow } from '../../src/domain/shift';
import { sampleShift as shift } from '../support/samples';

const at = (iso: string) => new Date(`2025-03-05T${iso}Z`);
const volunteer = { userId: 'u-1', name: '张小明' };

describe('the check-in window', () => {
  it.each([
    ['00:29:59.999', false],
    ['00:30:00.000', true],
    ['02:00:00.000', true],
    ['03:00:00.000', true],
    ['03:00:00.001', false],
  ])('at %s is open: %s', (time, open) => {
    expect(isInCheckInWindow(shift, at(time))).toBe(open);
  });
});

describe('check-in', () => {
  it('opens a log keyed by shift and volunteer, with what the API shows', () => {
    const log = must(checkIn(shift, volunteer, true, at('00:45:00.000')));
    expect(log).toMatchObject({
      hourLogId: hourLogIdOf('sh_1', 'u-1'),
      status: 'checked_in',
      volunteerName: '张小明',
      activityTitle: '义诊',
      pointsPerHour: 25,
      checkInAt: '2025-03-05T00:45:00.000Z',
    });
    expect(hourLogIdOf('sh_1', 'u-1')).not.toBe(hourLogIdOf('sh_1', 'u-2'));
  });

  it('needs a place on the roster', () => {
    expect(checkIn(shift, volunteer, false, at('01:00:00.000'))).toMatchObject({ status: 403, code: 'NOT_ON_ROSTER' });
  });

  it('is refused outside the window', () => {
    expect(checkIn(shift, volunteer, true, at('00:10:00.000'))).toMatchObject({ status: 409, code: 'OUTSIDE_SHIFT_WINDOW' });
    expect(checkIn(shift, volunteer, true, at('03:01:00.000'))).toMatchObject({ status: 409, code: 'OUTSIDE_SHIFT_WINDOW' });
  });
});

describe('check-out', () => {
  const checkedIn = must(checkIn(shift, volunteer, true, at('00:59:30.000')));

  it('counts whole minutes since check-in', () => {
    expect(must(checkOut(checkedIn, shift, at('02:00:29.000')))).toMatchObject({ status: 'checked_out', minutes: 60 });
  });

  it('caps the minutes at the shift length', () => {
    expect(attendedMinutes('2025-03-05T00:30:00.000Z', at('04:00:00.000'), shift)).toBe(120);
    expect(must(checkOut(checkedIn, shift, at('05:00:00.000'))).minutes).toBe(120);
  });

  it('needs a checked-in log', () => {
    expect(checkOut(undefined, shift, at('02:00:00.000'))).toMatchObject({ status: 409, code: 'NOT_CHECKED_IN' });
    const out = must(checkOut(checkedIn, shift, at('02:00:00.000')));
    expect(checkOut(out, shift, at('02:10:00.000'))).toMatchObject({ status: 409, code: 'NOT_CHECKED_IN' });
  });
});
