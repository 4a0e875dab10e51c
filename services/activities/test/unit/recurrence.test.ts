import { fieldsOf } from '@lianxin/shared/http/app';
import { describe, expect, it } from 'vitest';
import { expandRecurrence } from '../../src/domain/recurrence';
import { PublishActivityInput } from '../../src/domain/publish';
import { activityBody } from '../support/bodies';

const rota = { weekdays: [2, 6], startTime: '09:00', durationMinutes: 120, capacity: 4, from: '2031-05-05', until: '2031-05-18' };

describe('recurrence', () => {
  it('generates the weekdays between from and until at the wall-clock time in China (UTC+8)', () => {
    // 2031-05-05 is a Monday: Tuesdays 6th and 13th, Saturdays 10th and 17th.
    expect(expandRecurrence(rota)).toEqual([
      { startsAt: '2031-05-06T01:00:00.000Z', endsAt: '2031-05-06T03:00:00.000Z', capacity: 4 },
      { startsAt: '2031-05-10T01:00:00.000Z', endsAt: '2031-05-10T03:00:00.000Z', capacity: 4 },
      { startsAt: '2031-05-13T01:00:00.000Z', endsAt: '2031-05-13T03:00:00.000Z', capacity: 4 },
      { startsAt: '2031-05-17T01:00:00.000Z', endsAt: '2031-05-17T03:00:00.000Z', capacity: 4 },
    ]);
  });

  const fieldsFor = (recurrence: Record<string, unknown>) => {
    const { shifts: _s, ...body } = activityBody('g-1');
    const result = PublishActivityInput.safeParse({ ...body, recurrence: { ...rota, ...recurrence } });
    return result.success ? {} : fieldsOf(result.error);
  };

  it.each([
    [{ until: '2031-08-05' }, 'recurrence.until'],
    [{ until: '2031-05-01' }, 'recurrence.until'],
    [{ weekdays: [8] }, 'recurrence.weekdays.0'],
    [{ startTime: '25:00' }, 'recurrence.startTime'],
    [{ capacity: 0 }, 'recurrence.capacity'],
    [{ weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2031-07-20' }, 'recurrence'],
  ])('refuses %j naming %s', (recurrence, field) => {
    expect(Object.keys(fieldsFor(recurrence))).toContain(field);
  });

  it('needs either shifts or a recurrence', () => {
    const result = PublishActivityInput.safeParse({ ...activityBody('g-1'), recurrence: rota });
    expect(result.success ? {} : fieldsOf(result.error)).toHaveProperty('shifts');
  });
});
