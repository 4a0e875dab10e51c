import { describe, expect, it } from 'vitest';
import { beijingLocalToIso, toBeijingLocal } from '../../src/format';
import { type ActivityDraft, activityProblems, emptyDraft, firstShift, nextShift, publishBody, withStart } from '../../src/views/organizer/publishRules';

/** 2025-06-03 10:20 in Beijing. */
const NOW = Date.parse('2025-06-03T02:20:00Z');

const filled = (patch: Partial<ActivityDraft> = {}): ActivityDraft => ({
  ...emptyDraft('org-cpb-hubin', NOW),
  gridId: 'grid-hubin-2',
  title: '楼道清理',
  description: '湖滨社区第2网格楼道清理。',
  address: '湖滨社区第2网格活动室',
  ...patch,
});

const keysOf = (d: ActivityDraft, publishing = true) => activityProblems(d, { now: NOW, publishing }).map((p) => p.key);

describe('Beijing date-times', () => {
  it('reads a wall-clock time as UTC+8, whatever the machine says', () => {
    expect(beijingLocalToIso('2025-06-03T09:00')).toBe('2025-06-03T01:00:00.000Z');
    expect(beijingLocalToIso('2025-06-03T07:30:15')).toBe('2025-06-02T23:30:15.000Z');
    expect(beijingLocalToIso('2026-01-01T00:00')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('refuses what is no date-time, and impossible days or hours instead of moving them', () => {
    expect(beijingLocalToIso('')).toBeNull();
    expect(beijingLocalToIso('2025-06-03 09:00')).toBeNull();
    expect(beijingLocalToIso('2025-06-31T09:00')).toBeNull();
    expect(beijingLocalToIso('2025-02-29T09:00')).toBeNull();
    expect(beijingLocalToIso('2025-06-03T24:00')).toBeNull();
    expect(beijingLocalToIso('2025-06-03T09:60')).toBeNull();
  });

  it('writes an instant back as the wall-clock time it reads from', () => {
    expect(toBeijingLocal(Date.parse('2025-06-02T23:30:00Z'))).toBe('2025-06-03T07:30');
    expect(beijingLocalToIso(toBeijingLocal(NOW))).toBe(new Date(NOW).toISOString());
  });
});

describe('shift rows', () => {
  it('offer first a two-hour shift of ten places an hour after the next full hour', () => {
    expect(firstShift(NOW)).toEqual({ startsAt: '2025-06-03T12:00', endsAt: '2025-06-03T14:00', capacity: '10' });
    expect(firstShift(Date.parse('2025-06-03T02:00:00Z')).startsAt).toBe('2025-06-03T12:00');
  });

  it('add the last row a day later, or the first shift when the last is unreadable', () => {
    const last = { startsAt: '2025-06-30T18:00', endsAt: '2025-06-30T20:30', capacity: '25' };
    expect(nextShift(last, NOW)).toEqual({ startsAt: '2025-07-01T18:00', endsAt: '2025-07-01T20:30', capacity: '25' });
    expect(nextShift({ ...last, startsAt: '' }, NOW)).toEqual(firstShift(NOW));
    expect(nextShift(undefined, NOW)).toEqual(firstShift(NOW));
  });

  it('move the end with the start, keeping the length, unless a time is unreadable', () => {
    const row = { startsAt: '2025-06-03T12:00', endsAt: '2025-06-03T14:30', capacity: '10' };
    expect(withStart(row, '2025-06-04T23:00')).toEqual({ ...row, startsAt: '2025-06-04T23:00', endsAt: '2025-06-05T01:30' });
    expect(withStart(row, '')).toEqual({ ...row, startsAt: '' });
    expect(withStart({ ...row, endsAt: '' }, '2025-06-04T09:00')).toEqual({ ...row, startsAt: '2025-06-04T09:00', endsAt: '' });
  });
});

describe('the publish form', () => {
  it('needs only title, description, address (and a grid) on top of its defaults', () => {
    expect(keysOf(filled())).toEqual([]);
    expect(keysOf(emptyDraft('org-cpb-hubin', NOW))).toEqual(['publish.gridRequired', 'publish.titleInvalid', 'publish.addressInvalid']);
  });

  it('checks the bounds the service applies', () => {
    expect(keysOf(filled({ pointsPerHour: '0' }))).toEqual(['publish.pointsInvalid']);
    expect(keysOf(filled({ pointsPerHour: '7.5' }))).toEqual(['publish.pointsInvalid']);
    expect(keysOf(filled({ pointsPerHour: '100' }))).toEqual([]);
    expect(keysOf(filled({ lat: '91' }))).toEqual(['publish.locationInvalid']);
    expect(keysOf(filled({ lng: 'east' }))).toEqual(['publish.locationInvalid']);
    expect(keysOf(filled({ title: 'x'.repeat(101) }))).toEqual(['publish.titleInvalid']);
    expect(keysOf(filled({ skills: Array.from({ length: 11 }, (_, i) => `技能${i}`).join(',') }))).toEqual(['publish.skillsInvalid']);
    expect(keysOf(filled({ cancellationDeadlineHours: '169' }))).toEqual(['publish.cancellationInvalid']);
    expect(keysOf(filled({ shifts: [] }))).toEqual(['publish.shiftsCount']);
  });

  it('names the shift that is wrong, counted from 1', () => {
    const ok = firstShift(NOW);
    const problems = activityProblems(filled({ shifts: [ok, { ...ok, endsAt: ok.startsAt }, { ...ok, capacity: '0' }, { ...ok, startsAt: '' }] }), { now: NOW, publishing: true });
    expect(problems).toEqual([
      { key: 'publish.shiftEndBeforeStart', vars: { n: 2 } },
      { key: 'publish.capacityInvalid', vars: { n: 3, max: 500 } },
      { key: 'publish.shiftStartInvalid', vars: { n: 4 } },
    ]);
  });

  it('refuses a shift already over when publishing, not in a draft', () => {
    const over = { startsAt: '2025-06-03T08:00', endsAt: '2025-06-03T10:20', capacity: '10' };
    expect(keysOf(filled({ shifts: [over] }))).toEqual(['publish.shiftEnded']);
    expect(keysOf(filled({ shifts: [over] }), false)).toEqual([]);
  });

  it('sends numbers as numbers, skills as a list and times as ISO UTC', () => {
    const body = publishBody(filled({ skills: '急救, 摄影，急救', lat: '29.7', title: ' 楼道清理 ' }), false);
    expect(body).toEqual({
      orgId: 'org-cpb-hubin',
      gridId: 'grid-hubin-2',
      title: '楼道清理',
      description: '湖滨社区第2网格楼道清理。',
      category: '其他',
      address: '湖滨社区第2网格活动室',
      location: { lat: 29.7, lng: 115.99 },
      pointsPerHour: 10,
      audience: 'everyone',
      skills: ['急救', '摄影'],
      cancellationDeadlineHours: 2,
      draft: false,
      shifts: [{ startsAt: '2025-06-03T04:00:00.000Z', endsAt: '2025-06-03T06:00:00.000Z', capacity: 10 }],
    });
    expect(publishBody(filled(), true).draft).toBe(true);
  });
});
