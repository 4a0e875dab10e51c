import { describe, expect, it } from 'vitest';
import { must } from '@lianxin/shared/errors';
import { newId } from '@lianxin/shared/ids';
import { decisionEntry } from '../../src/domain/adminLog';
import { type HourLog, checkIn, checkOut } from '../../src/domain/hourLog';
import type { Shift } from '../../src/domain/shift';
import { reject, verify } from '../../src/domain/verification';
import { hoursRejected, hoursVerified } from '../../src/events/publish';
import { createOrFindHourLog, decideHourLog, findHourLog, hourLogsOfOrganization, hourLogsOfVolunteer, moveHourLog } from '../../src/store/hourLogs';
import { minutesAfter, organizerOf, outboxEventsOf } from '../support/fixtures';

const t0 = new Date();
const shiftOf = (orgId: string): Shift => ({
  shiftId: newId('sh'),
  activityId: newId('act'),
  orgId,
  communityId: 'c-hubin',
  title: '义诊',
  startsAt: t0.toISOString(),
  endsAt: minutesAfter(t0, 60).toISOString(),
  pointsPerHour: 12,
});

/** Commit a decision the way the use case does: with its event and its admin-log entry. */
const commitDecision = (orgId: string, before: HourLog, next: HourLog, at: Date) =>
  next.status === 'verified'
    ? decideHourLog(next, hoursVerified(next, at), decisionEntry('hours.verify', next.verifiedBy!, orgId, before, next))
    : decideHourLog(next, hoursRejected(next, at), decisionEntry('hours.reject', next.rejectedBy!, orgId, before, next));

/** A stored, checked-out log and the state both racing organizers read. */
const storedCheckedOut = async () => {
  const orgId = newId('org');
  const shift = shiftOf(orgId);
  const log = must(checkIn(shift, { userId: newId('u'), name: '张小明' }, true, t0));
  await createOrFindHourLog(log);
  const out = must(checkOut(log, shift, minutesAfter(t0, 40)));
  expect(await moveHourLog(out, 'checked_in')).toBe(true);
  return { orgId, out };
};

describe('the hour log store', () => {
  it('lets only the first of two decisions made on the same state commit, with its event', async () => {
    const { orgId, out } = await storedCheckedOut();
    const at = minutesAfter(t0, 50);
    const verified = must(verify(out, organizerOf(orgId), {}, at, 20));
    const rejected = must(reject(out, organizerOf(orgId), { reason: '重复登记' }, at));

    expect(await commitDecision(orgId, out, verified, at)).toBe(true);
    expect(await commitDecision(orgId, out, rejected, at)).toBe(false);

    expect(await findHourLog(out.hourLogId)).toMatchObject({ status: 'verified', minutes: 40, pointsPerHour: 12 });
    expect(await findHourLog(out.hourLogId)).not.toHaveProperty('points');
    const emitted = await outboxEventsOf(out.hourLogId);
    expect(emitted.map((e) => e.type)).toEqual(['HoursVerified']);
  });

  it('keeps the first log when a check-in is stored twice', async () => {
    const { out } = await storedCheckedOut();
    const again = await createOrFindHourLog({ ...out, status: 'checked_in', checkOutAt: undefined, minutes: undefined });
    expect(again).toEqual(out);
  });

  it('moves a log between the organization status lists', async () => {
    const { orgId, out } = await storedCheckedOut();
    expect((await hourLogsOfOrganization(orgId, 'checked_out')).map((l) => l.hourLogId)).toEqual([out.hourLogId]);
    const verified = must(verify(out, organizerOf(orgId), {}, t0, 20));
    await commitDecision(orgId, out, verified, t0);
    expect(await hourLogsOfOrganization(orgId, 'checked_out')).toEqual([]);
    expect(await hourLogsOfOrganization(orgId, 'verified')).toEqual([verified]);
    expect(await hourLogsOfVolunteer(out.volunteerId)).toEqual([verified]);
  });
});
