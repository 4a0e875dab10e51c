import { describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { caller } from '@lianxin/shared/testing';
import { hourLogsOfVolunteer } from '../../src/store/hourLogs';
import { appOnTestClock, minutesAfter, organizerOf, staffedShift, unusedCode, volunteer as someVolunteer } from '../support/fixtures';

/** A shift starting in 10 minutes, with the app's clock at `t0`. */
const scene = async () => {
  const t0 = new Date();
  const { app, setNow } = appOnTestClock(t0);
  const staffed = await staffedShift({ startsAt: minutesAfter(t0, 10) });
  const asOrganizer = caller(app, staffed.organizer);
  const issueCode = async () => (await asOrganizer('POST', `/shifts/${staffed.shiftId}/checkin-codes`, { body: {} })).body.code as string;
  return { ...staffed, app, t0, setNow, issueCode, asVolunteer: caller(app, staffed.volunteer) };
};

const checkIn = (as: ReturnType<typeof caller>, code: string) =>
  as('POST', '/hours/check-in', { body: { code }, idempotencyKey: newId('key') });

describe('issuing check-in codes', () => {
  it('is for organizers of the shift organization, and knows only published shifts', async () => {
    const { app, shiftId, volunteer } = await scene();
    const unknown = await caller(app, organizerOf('org-any'))('POST', `/shifts/${newId('sh')}/checkin-codes`, { body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'SHIFT_NOT_FOUND', fields: { shiftId: 'not found' } });

    const otherOrg = await caller(app, organizerOf(newId('org')))('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} });
    expect(otherOrg.status).toBe(403);
    const asVolunteer = await caller(app, volunteer)('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} });
    expect(asVolunteer.status).toBe(403);
    expect((await caller(app)('POST', `/shifts/${shiftId}/checkin-codes`, { body: {} })).status).toBe(401);
  });
});

describe('checking in', () => {
  it('refuses an unknown code with 404 naming the code', async () => {
    const { asVolunteer } = await scene();
    const answer = await checkIn(asVolunteer, await unusedCode());
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: 'CODE_NOT_FOUND', fields: { code: expect.any(String) } });
  });

  it('refuses an expired code with 410', async () => {
    const { asVolunteer, issueCode, setNow, t0 } = await scene();
    const code = await issueCode();
    setNow(minutesAfter(t0, 5));
    const answer = await checkIn(asVolunteer, code);
    expect(answer.status).toBe(410);
    expect(answer.body.error.code).toBe('CODE_EXPIRED');
  });

  it('refuses a superseded code with 410, and takes the new one', async () => {
    const { asVolunteer, issueCode } = await scene();
    const old = await issueCode();
    const fresh = await issueCode();
    const answer = await checkIn(asVolunteer, old);
    expect(answer.status).toBe(410);
    expect(answer.body.error.code).toBe('CODE_SUPERSEDED');
    expect((await checkIn(asVolunteer, fresh)).status).toBe(201);
  });

  it('refuses a volunteer who is not on the roster, writing nothing', async () => {
    const { app, issueCode } = await scene();
    const stranger = someVolunteer();
    const answer = await checkIn(caller(app, stranger), await issueCode());
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('NOT_ON_ROSTER');
    expect(await hourLogsOfVolunteer(stranger.userId)).toEqual([]);
  });

  it('refuses check-in more than 30 minutes before the start', async () => {
    const { asVolunteer, issueCode, setNow, t0 } = await scene();
    setNow(minutesAfter(t0, -21));
    const answer = await checkIn(asVolunteer, await issueCode());
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('OUTSIDE_SHIFT_WINDOW');
    setNow(minutesAfter(t0, -20));
    expect((await checkIn(asVolunteer, await issueCode())).status).toBe(201);
  });

  it('keeps one log per volunteer and shift, even for concurrent check-ins', async () => {
    const { asVolunteer, issueCode, volunteer } = await scene();
    const code = await issueCode();
    const answers = await Promise.all([checkIn(asVolunteer, code), checkIn(asVolunteer, code), checkIn(asVolunteer, code)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.hourLogId)).size).toBe(1);
    expect(await hourLogsOfVolunteer(volunteer.userId)).toHaveLength(1);
  });
});

describe('checking out', () => {
  it('needs a checked-in log on the code shift', async () => {
    const { asVolunteer, issueCode, setNow, t0 } = await scene();
    const code = await issueCode();
    const notIn = await asVolunteer('POST', '/hours/check-out', { body: { code } });
    expect(notIn.status).toBe(409);
    expect(notIn.body.error.code).toBe('NOT_CHECKED_IN');

    await checkIn(asVolunteer, code);
    setNow(minutesAfter(t0, 3));
    expect((await asVolunteer('POST', '/hours/check-out', { body: { code } })).body).toMatchObject({ status: 'checked_out', minutes: 3 });
    const twice = await asVolunteer('POST', '/hours/check-out', { body: { code } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('NOT_CHECKED_IN');
  });

  it('does not take a code of another shift', async () => {
    const first = await scene();
    const other = await staffedShift({ startsAt: minutesAfter(first.t0, 10) });
    await checkIn(first.asVolunteer, await first.issueCode());
    const otherCode = (await caller(first.app, other.organizer)('POST', `/shifts/${other.shiftId}/checkin-codes`, { body: {} })).body.code;
    const answer = await first.asVolunteer('POST', '/hours/check-out', { body: { code: otherCode } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('NOT_CHECKED_IN');
  });

  it('refuses an expired code', async () => {
    const { asVolunteer, issueCode, setNow, t0 } = await scene();
    const code = await issueCode();
    await checkIn(asVolunteer, code);
    setNow(minutesAfter(t0, 6));
    const answer = await asVolunteer('POST', '/hours/check-out', { body: { code } });
    expect(answer.status).toBe(410);
    expect(answer.body.error.code).toBe('CODE_EXPIRED');
  });
});
