import { describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { hourLogsOfVolunteer } from '../../src/store/hourLogs';
import { appOnTestClock, minutesAfter, outboxEventsOf, staffedShift } from '../support/fixtures';

const ready = async () => {
  const t0 = new Date();
  const { app } = appOnTestClock(t0);
  const staffed = await staffedShift({ startsAt: minutesAfter(t0, 5) });
  const code = (await caller(app, staffed.organizer)('POST', `/shifts/${staffed.shiftId}/checkin-codes`, { body: {} })).body.code as string;
  return { app, code, ...staffed, asVolunteer: caller(app, staffed.volunteer), asOrganizer: caller(app, staffed.organizer) };
};

describe('bad input', () => {
  it('malformed JSON is 400 MALFORMED_JSON and writes no log', async () => {
    const { asVolunteer, volunteer } = await ready();
    const answer = await asVolunteer('POST', '/hours/check-in', { rawBody: '{"code": "12', idempotencyKey: newId('key') });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'MALFORMED_JSON', fields: { body: 'malformed JSON' } });
    expect(await hourLogsOfVolunteer(volunteer.userId)).toEqual([]);
  });

  it('a missing or malformed code is 400 naming `code`, and writes no log', async () => {
    const { asVolunteer, volunteer } = await ready();
    for (const body of [{}, { code: '12345' }, { code: 123456 }]) {
      const answer = await asVolunteer('POST', '/hours/check-in', { body, idempotencyKey: newId('key') });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { code: expect.any(String) } });
    }
    expect((await asVolunteer('POST', '/hours/check-out', { body: {} })).body.error.fields).toHaveProperty('code');
    expect(await hourLogsOfVolunteer(volunteer.userId)).toEqual([]);
  });

  it('check-in needs an Idempotency-Key', async () => {
    const { asVolunteer, code, volunteer } = await ready();
    const answer = await asVolunteer('POST', '/hours/check-in', { body: { code } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty('Idempotency-Key');
    expect(await hourLogsOfVolunteer(volunteer.userId)).toEqual([]);
  });

  it('verify and reject name the bad field and change nothing', async () => {
    const { asVolunteer, asOrganizer, code } = await ready();
    const { hourLogId } = (await asVolunteer('POST', '/hours/check-in', { body: { code }, idempotencyKey: newId('key') })).body;
    await asVolunteer('POST', '/hours/check-out', { body: { code } });
    const cases: [string, unknown, string][] = [
      ['verify', { minutes: -1, note: 'x' }, 'minutes'],
      ['verify', { minutes: 24 * 60 + 1, note: 'x' }, 'minutes'],
      ['verify', { minutes: 1.5, note: 'x' }, 'minutes'],
      ['verify', { minutes: 10, note: '' }, 'note'],
      ['verify', { bonusPoints: -1 }, 'bonusPoints'],
      ['verify', { bonusPoints: 2.5 }, 'bonusPoints'],
      ['verify', { bonusPoints: '5' }, 'bonusPoints'],
      ['reject', {}, 'reason'],
      ['reject', { reason: 'x'.repeat(201) }, 'reason'],
    ];
    for (const [action, body, field] of cases) {
      const answer = await asOrganizer('POST', `/hours/${hourLogId}/${action}`, { body });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toHaveProperty(field);
    }
    const malformed = await asOrganizer('POST', `/hours/${hourLogId}/verify`, { rawBody: '{minutes:' });
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    expect((await asOrganizer('GET', '/hours/pending')).body.items.map((l: { status: string }) => l.status)).toEqual(['checked_out']);
    expect(await outboxEventsOf(hourLogId)).toEqual([]);
  });

  it("refuses a role the route's action does not allow before reading the body", async () => {
    const { app, volunteer } = await ready();
    const merchant = caller(app, person({ roles: ['merchant'] }));
    for (const [method, path] of [
      ['POST', '/hours/check-in'],
      ['POST', '/hours/check-out'],
      ['GET', '/hours/pending'],
      ['POST', '/hours/hl_x/verify'],
      ['POST', '/shifts/sh_x/checkin-codes'],
    ] as const) {
      const answer = await merchant(method, path, method === 'POST' ? { body: { code: 1 }, idempotencyKey: newId('key') } : {});
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    expect((await merchant('GET', '/me/hours')).status).toBe(200);
    expect(await hourLogsOfVolunteer(volunteer.userId)).toEqual([]);
  });

  it('every route needs a bearer token', async () => {
    const { app } = await ready();
    const anonymous = caller(app);
    for (const [method, path] of [
      ['POST', '/hours/check-in'],
      ['POST', '/hours/check-out'],
      ['GET', '/me/hours'],
      ['GET', '/hours/pending'],
      ['POST', '/hours/hl_x/verify'],
      ['POST', '/hours/hl_x/reject'],
      ['GET', '/hours/admin-log'],
    ] as const) {
      expect((await anonymous(method, path, method === 'POST' ? { body: {} } : {})).status).toBe(401);
    }
  });
});

describe('the OpenAPI document', () => {
  it('documents every route with bearer security', async () => {
    const { app } = await ready();
    const doc = (await caller(app)('GET', '/hours/openapi.json')).body;
    const operations = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, security: op.security })),
    );
    expect(operations.map((o) => o.route).sort()).toEqual([
      'GET /hours/admin-log',
      'GET /hours/pending',
      'GET /me/hours',
      'POST /hours/check-in',
      'POST /hours/check-out',
      'POST /hours/{hourLogId}/reject',
      'POST /hours/{hourLogId}/verify',
      'POST /shifts/{shiftId}/checkin-codes',
    ]);
    for (const op of operations) expect(op.security).toEqual([{ bearer: [] }]);
    const actions = Object.fromEntries(
      Object.entries(doc.paths as Record<string, Record<string, { 'x-action'?: string }>>).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op['x-action']]),
      ),
    );
    expect(actions).toEqual({
      'POST /shifts/{shiftId}/checkin-codes': 'checkinCode.issue',
      'POST /hours/check-in': 'hours.checkIn',
      'POST /hours/check-out': 'hours.checkOut',
      'GET /me/hours': 'hours.readOwn',
      'GET /hours/pending': 'hours.listPending',
      'POST /hours/{hourLogId}/verify': 'hours.verify',
      'POST /hours/{hourLogId}/reject': 'hours.reject',
      'GET /hours/admin-log': 'hours.adminLog',
    });
    expect(doc.components.schemas.HourLog.properties).not.toHaveProperty('points');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.HourLog.properties).toHaveProperty('volunteerName');
  });
});
