import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, outboxEvents, volunteer } from '../support/fixtures';

/** Publish an activity in a fresh district; answer its id and first shift's id. */
const published = async (overrides: Record<string, unknown> = {}) => {
  const d = await freshDistrict();
  const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, overrides) });
  return { activityId: body.activityId as string, shiftId: body.shifts[0].shiftId as string, body };
};

const claimPath = (activityId: string, shiftId: string) => `/activities/${activityId}/shifts/${shiftId}/claims`;

const app = createApp();

describe('POST /activities/{activityId}/shifts/{shiftId}/claims', () => {
  it('confirms a place, counts it on the shift and puts ShiftClaimed in the outbox', async () => {
    const { activityId, shiftId, body } = await published();
    const v = volunteer();
    const res = await caller(app, v)('POST', claimPath(activityId, shiftId), { body: {}, idempotencyKey: 'k1' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      claimId: expect.stringMatching(/^clm_/),
      activityId,
      shiftId,
      volunteerId: v.userId,
      status: 'confirmed',
      activityTitle: body.title,
      startsAt: body.shifts[0].startsAt,
      endsAt: body.shifts[0].endsAt,
      createdAt: expect.any(String),
    });
    const activity = await caller(app, v)('GET', `/activities/${activityId}`);
    expect(activity.body.shifts[0]).toMatchObject({ confirmed: 1, remaining: 4 });
    const claimed = await outboxEvents('ShiftClaimed.v1', (data) => data.claimId === res.body.claimId);
    expect(claimed.map((e) => e.data)).toEqual([{ claimId: res.body.claimId, activityId, shiftId, volunteerId: v.userId }]);
  });

  it('replays the same key with the same claim, and refuses another key with ALREADY_CLAIMED', async () => {
    const { activityId, shiftId } = await published();
    const call = caller(app, volunteer());
    const first = await call('POST', claimPath(activityId, shiftId), { body: {}, idempotencyKey: 'same' });
    const replay = await call('POST', claimPath(activityId, shiftId), { body: {}, idempotencyKey: 'same' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const again = await call('POST', claimPath(activityId, shiftId), { body: {}, idempotencyKey: 'other' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_CLAIMED', fields: { shiftId: expect.any(String) } });
    const activity = await call('GET', `/activities/${activityId}`);
    expect(activity.body.shifts[0].confirmed).toBe(1);
  });

  it('puts a claim on the waitlist (202, position) once every place is taken', async () => {
    const { activityId, shiftId } = await published({ shifts: [{ startsAt: hoursFromNow(1), endsAt: hoursFromNow(2), capacity: 2 }] });
    for (const v of [volunteer(), volunteer()]) {
      expect((await caller(app, v)('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' })).status).toBe(201);
    }
    const late = await caller(app, volunteer())('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' });
    expect(late.status).toBe(202);
    expect(late.body).toMatchObject({ status: 'waitlisted', position: 1 });
    const later = await caller(app, volunteer())('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' });
    expect(later.body).toMatchObject({ status: 'waitlisted', position: 2 });
    const activity = await caller(app, volunteer())('GET', `/activities/${activityId}`);
    expect(activity.body.shifts[0]).toMatchObject({ confirmed: 2, waitlisted: 2, remaining: 0 });
  });

  it('keeps a party-member activity to party members', async () => {
    const { activityId, shiftId } = await published({ audience: 'party_member' });
    const league = await caller(app, volunteer('league_member'))('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' });
    expect(league.status).toBe(403);
    expect(league.body.error).toMatchObject({ code: 'AUDIENCE_RESTRICTED', fields: { audience: 'party_member' } });
    const member = await caller(app, volunteer('in_service_party_member', 'party_member'))('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' });
    expect(member.status).toBe(201);
  });

  it('lets volunteers join a running shift but not one that has ended', async () => {
    const { activityId, shiftId } = await published({ shifts: [{ startsAt: hoursFromNow(1), endsAt: hoursFromNow(2), capacity: 3 }] });
    const during = createApp(() => new Date(Date.now() + 1.5 * 3_600_000));
    expect((await caller(during, volunteer())('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' })).status).toBe(201);
    const after = createApp(() => new Date(Date.now() + 2 * 3_600_000 + 1000));
    const late = await caller(after, volunteer())('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SHIFT_ENDED');
  });

  it('needs the volunteer role, an Idempotency-Key and known ids', async () => {
    const { activityId, shiftId } = await published();
    const organizerOnly = await caller(app, person({ roles: ['organizer'] }))('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' });
    expect(organizerOnly.status).toBe(403);
    const keyless = await caller(app, volunteer())('POST', claimPath(activityId, shiftId), { body: {} });
    expect(keyless.status).toBe(400);
    expect(keyless.body.error.fields).toHaveProperty('Idempotency-Key');
    const unknownShift = await caller(app, volunteer())('POST', claimPath(activityId, 'sft_nope'), { idempotencyKey: 'k' });
    expect(unknownShift.body.error.code).toBe('SHIFT_NOT_FOUND');
    const unknownActivity = await caller(app, volunteer())('POST', claimPath('act_nope', shiftId), { idempotencyKey: 'k' });
    expect(unknownActivity.body.error.code).toBe('ACTIVITY_NOT_FOUND');
  });
});

describe('GET /me/claims', () => {
  it('lists the caller\'s claims, newest shift first, and nobody else\'s', async () => {
    const soon = await published({ shifts: [{ startsAt: hoursFromNow(5), endsAt: hoursFromNow(6), capacity: 3 }] });
    const later = await published({ shifts: [{ startsAt: hoursFromNow(50), endsAt: hoursFromNow(52), capacity: 3 }] });
    const v = volunteer();
    const call = caller(app, v);
    await call('POST', claimPath(soon.activityId, soon.shiftId), { idempotencyKey: 'a' });
    await call('POST', claimPath(later.activityId, later.shiftId), { idempotencyKey: 'b' });
    await caller(app, volunteer())('POST', claimPath(soon.activityId, soon.shiftId), { idempotencyKey: 'a' });
    const mine = await call('GET', '/me/claims');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { shiftId: string }) => c.shiftId)).toEqual([later.shiftId, soon.shiftId]);
    expect(mine.body.items.every((c: { volunteerId: string }) => c.volunteerId === v.userId)).toBe(true);
  });

  it('is for volunteers', async () => {
    expect((await caller(app, person({ roles: ['merchant'] }))('GET', '/me/claims')).status).toBe(403);
    expect((await caller(app)('GET', '/me/claims')).status).toBe(401);
  });
});
