import { describe, expect, it } from 'vitest';
import { caller } from '@lianxin/shared/testing';
import { findHourLog } from '../../src/store/hourLogs';
import { appOnTestClock, minutesAfter, outboxEventsOf, staffedShift } from '../support/fixtures';

describe('a volunteer hour from code to HoursVerified', () => {
  it('checks in, checks out, is verified with an adjustment and emits one HoursVerified', async () => {
    const t0 = new Date();
    const { app, setNow } = appOnTestClock(t0);
    const { shiftId, activityId, orgId, organizer, volunteer } = await staffedShift({ startsAt: minutesAfter(t0, 10), pointsPerHour: 25 });
    const asOrganizer = caller(app, organizer);
    const asVolunteer = caller(app, volunteer);

    const issued = await asOrganizer('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} });
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({ code: expect.stringMatching(/^\d{6}$/), shiftId, expiresAt: minutesAfter(t0, 5).toISOString() });

    const checkedIn = await asVolunteer('POST', '/hours/check-in', { body: { code: issued.body.code }, idempotencyKey: 'k1' });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body).toEqual({
      hourLogId: expect.stringMatching(/^hl_/),
      shiftId,
      activityId,
      activityTitle: '湖滨社区义诊',
      orgId,
      volunteerId: volunteer.userId,
      volunteerName: '张小明',
      status: 'checked_in',
      checkInAt: t0.toISOString(),
      pointsPerHour: 25,
      kind: 'shift',
    });
    const { hourLogId } = checkedIn.body;

    const replayed = await asVolunteer('POST', '/hours/check-in', { body: { code: issued.body.code }, idempotencyKey: 'k1' });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(checkedIn.body);

    setNow(minutesAfter(t0, 1));
    const again = await asVolunteer('POST', '/hours/check-in', { body: { code: issued.body.code }, idempotencyKey: 'k2' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(checkedIn.body);

    // The first code has expired by the end; the organizer shows a new one.
    setNow(minutesAfter(t0, 50));
    const exitCode = await asOrganizer('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} });
    const checkedOut = await asVolunteer('POST', '/hours/check-out', { body: { code: exitCode.body.code } });
    expect(checkedOut.status).toBe(200);
    expect(checkedOut.body).toMatchObject({ hourLogId, status: 'checked_out', minutes: 50, checkOutAt: minutesAfter(t0, 50).toISOString() });

    const pending = await asOrganizer('GET', '/hours/pending');
    expect(pending.status).toBe(200);
    expect(pending.body.items).toEqual([checkedOut.body]);

    const verified = await asOrganizer('POST', `/hours/${hourLogId}/verify`, { body: { minutes: 54, note: '提前到场布置' } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', minutes: 54, pointsPerHour: 25, note: '提前到场布置', verifiedBy: organizer.userId });
    expect(verified.body).not.toHaveProperty('points');

    const emitted = await outboxEventsOf(hourLogId);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({
      type: 'HoursVerified',
      version: 2,
      source: 'lianxin.hours',
      actor: organizer.userId,
      data: { hourLogId, volunteerId: volunteer.userId, activityId, shiftId, orgId, communityId: 'c-hubin', minutes: 54, kind: 'shift', pointsPerHour: 25, verifiedBy: organizer.userId },
    });

    expect(emitted[0]!.data).not.toHaveProperty('points');

    expect((await asOrganizer('GET', '/hours/pending')).body.items).toEqual([]);
    const mine = await asVolunteer('GET', '/me/hours');
    expect(mine.body.items).toEqual([verified.body]);
  });

  it('rejects checked-out hours with a reason and emits one HoursRejected', async () => {
    const t0 = new Date();
    const { app, setNow } = appOnTestClock(t0);
    const { shiftId, organizer, volunteer } = await staffedShift({ startsAt: minutesAfter(t0, -60), lengthMinutes: 90 });
    const asOrganizer = caller(app, organizer);
    const asVolunteer = caller(app, volunteer);
    const { code } = (await asOrganizer('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} })).body;
    const { hourLogId } = (await asVolunteer('POST', '/hours/check-in', { body: { code }, idempotencyKey: 'in' })).body;
    setNow(minutesAfter(t0, 2));
    await asVolunteer('POST', '/hours/check-out', { body: { code } });

    const missingReason = await asOrganizer('POST', `/hours/${hourLogId}/reject`, { body: {} });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.fields).toHaveProperty('reason');
    expect((await findHourLog(hourLogId))?.status).toBe('checked_out');

    const rejected = await asOrganizer('POST', `/hours/${hourLogId}/reject`, { body: { reason: '未在现场' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ hourLogId, status: 'rejected', reason: '未在现场' });
    const emitted = await outboxEventsOf(hourLogId);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'HoursRejected', data: { hourLogId, volunteerId: volunteer.userId, shiftId, reason: '未在现场', rejectedBy: organizer.userId } });

    const again = await asOrganizer('POST', `/hours/${hourLogId}/verify`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_VERIFIABLE');
    expect(await outboxEventsOf(hourLogId)).toHaveLength(1);
  });

  it('caps the minutes at the shift length when the volunteer checks out late', async () => {
    const t0 = new Date();
    const { app, setNow } = appOnTestClock(t0);
    const { shiftId, organizer, volunteer } = await staffedShift({ startsAt: minutesAfter(t0, 20), lengthMinutes: 60 });
    const asOrganizer = caller(app, organizer);
    const asVolunteer = caller(app, volunteer);
    const entry = (await asOrganizer('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} })).body.code;
    await asVolunteer('POST', '/hours/check-in', { body: { code: entry }, idempotencyKey: 'in' });
    setNow(minutesAfter(t0, 200));
    const exit = (await asOrganizer('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} })).body.code;
    const out = await asVolunteer('POST', '/hours/check-out', { body: { code: exit } });
    expect(out.body).toMatchObject({ status: 'checked_out', minutes: 60 });
  });
});
