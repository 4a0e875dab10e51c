import { describe, expect, it } from 'vitest';
import { events as catalog } from '@lianxin/shared/events/catalog';
import { must } from '@lianxin/shared/errors';
import { newId } from '@lianxin/shared/ids';
import { ATTENDANCE_GRACE_MINUTES } from '../../src/domain/attendanceOutcome';
import { checkIn } from '../../src/domain/hourLog';
import { recordEndedShifts } from '../../src/app/recordEndedShifts';
import { handler as attendance } from '../../src/handlers/attendanceSweep';
import { createOrFindHourLog } from '../../src/store/hourLogs';
import { getShift } from '../../src/store/shifts';
import { activityPublished, deliver, minutesAfter, outboxEventsWhere, shiftClaimed } from '../support/fixtures';

type Recorded = { claimId?: string; outcome?: string; shiftId?: string };

/** A start far from other tests' shifts (the table is shared): a random minute of 2040–2089. */
const isolatedStart = () => new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 50 * 365 * 24 * 60) * 60_000);

const attendanceOf = (shiftId: string) => outboxEventsWhere<Recorded>((d) => d.shiftId === shiftId && d.outcome !== undefined);

/** A published shift with three confirmed claimants, one of whom checked in. */
const endedShift = async () => {
  const startsAt = isolatedStart();
  const published = activityPublished(newId('org'), { startsAt, lengthMinutes: 60 });
  const [present, absent, cancelled] = ['u', 'u', 'u'].map(newId).map((v) => shiftClaimed(published.activityId, published.shiftId, v));
  for (const e of [published.envelope, present!, absent!, cancelled!]) await deliver(e);
  const { data } = cancelled!;
  await deliver(catalog.ClaimCancelledV1.make({ ...data, wasStatus: 'confirmed' }, data.volunteerId));
  const shift = await getShift(published.shiftId);
  await createOrFindHourLog(must(checkIn(shift, { userId: present!.data.volunteerId, name: '张小明' }, true, minutesAfter(startsAt, 5))));
  const sweptAt = minutesAfter(startsAt, 60 + ATTENDANCE_GRACE_MINUTES);
  return { shiftId: published.shiftId, startsAt, sweptAt, present: present!.data, absent: absent!.data, cancelled: data };
};

describe('the attendance sweep', () => {
  it('records attended, no_show, and nothing for a cancelled claim', async () => {
    const { shiftId, sweptAt, present, absent } = await endedShift();
    await recordEndedShifts(sweptAt);
    const recorded = await attendanceOf(shiftId);
    expect(recorded.map((e) => [e.type, e.data.claimId, e.data.outcome]).sort()).toEqual(
      [['AttendanceRecorded', present.claimId, 'attended'], ['AttendanceRecorded', absent.claimId, 'no_show']].sort(),
    );
    expect(recorded.every((e) => e.actor === 'system:attendance')).toBe(true);
  });

  it('waits for the grace after the end', async () => {
    const { shiftId, sweptAt } = await endedShift();
    await recordEndedShifts(minutesAfter(sweptAt, -1));
    expect(await attendanceOf(shiftId)).toEqual([]);
  });

  it('emits once per claim however many sweeps run, at once or later', async () => {
    const { shiftId, sweptAt } = await endedShift();
    await Promise.all([recordEndedShifts(sweptAt), recordEndedShifts(sweptAt), recordEndedShifts(sweptAt)]);
    await recordEndedShifts(minutesAfter(sweptAt, 60));
    expect(await attendanceOf(shiftId)).toHaveLength(2);
  });

  it('records a claim whose event arrived after an earlier sweep', async () => {
    const { shiftId, sweptAt, present } = await endedShift();
    await recordEndedShifts(sweptAt);
    const late = shiftClaimed(present.activityId, shiftId, newId('u'));
    await deliver(late);
    await recordEndedShifts(minutesAfter(sweptAt, 15));
    const outcomes = (await attendanceOf(shiftId)).filter((e) => e.data.claimId === late.data.claimId).map((e) => e.data.outcome);
    expect(outcomes).toEqual(['no_show']);
  });

  it('has a scheduled handler that sweeps on the real clock', async () => {
    expect(await attendance()).toEqual({ recorded: expect.any(Number) });
  });
});
