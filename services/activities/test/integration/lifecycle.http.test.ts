import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { listedActivities } from '../../src/store/listing';
import { activityBody, freshDistrict, hoursFromNow, outboxEvents, volunteer } from '../support/fixtures';

const claimPath = (activityId: string, shiftId: string) => `/activities/${activityId}/shifts/${shiftId}/claims`;

const app = createApp();

describe('draft → published → cancelled', () => {
  it('keeps a draft out of discovery and claims, edits it, then publishes it with ActivityPublished', async () => {
    const d = await freshDistrict();
    const org = caller(app, d.organizer);
    const draft = await org('POST', '/activities', { body: activityBody(d.grid.gridId, { draft: true }) });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    const { activityId } = draft.body;
    const shiftId = draft.body.shifts[0].shiftId;
    expect(await outboxEvents('ActivityPublished.v1', (e) => e.activityId === activityId)).toHaveLength(0);
    expect((await listedActivities({ gridId: d.grid.gridId, limit: 10 })).items).toEqual([]);
    const early = await caller(app, volunteer())('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ACTIVITY_NOT_OPEN');

    const patched = await org('PATCH', `/activities/${activityId}`, { body: { title: '新标题', pointsPerHour: 12 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: '新标题', pointsPerHour: 12, status: 'draft' });

    const published = await org('POST', `/activities/${activityId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const events = await outboxEvents('ActivityPublished.v1', (e) => e.activityId === activityId);
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ title: '新标题', pointsPerHour: 12 })]);
    expect((await listedActivities({ gridId: d.grid.gridId, limit: 10 })).items.map((a) => a.activityId)).toEqual([activityId]);
    expect((await caller(app, volunteer())('POST', claimPath(activityId, shiftId), { idempotencyKey: 'k' })).status).toBe(201);

    const again = await org('POST', `/activities/${activityId}/publish`);
    expect(again.status).toBe(409);
    const locked = await org('PATCH', `/activities/${activityId}`, { body: { pointsPerHour: 50, title: '再改' } });
    expect(locked.status).toBe(400);
    expect(locked.body.error.fields).toEqual({ pointsPerHour: expect.any(String) });
    const safe = await org('PATCH', `/activities/${activityId}`, { body: { description: '带手套', skills: ['清洁'] } });
    expect(safe.body).toMatchObject({ description: '带手套', skills: ['清洁'], status: 'published' });
  });

  it('refuses another organization\'s organizer (403) and an empty patch (400)', async () => {
    const d = await freshDistrict();
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { draft: true }) });
    const stranger = caller(app, person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] }));
    expect((await stranger('PATCH', `/activities/${body.activityId}`, { body: { title: 'x' } })).status).toBe(403);
    expect((await stranger('POST', `/activities/${body.activityId}/publish`)).status).toBe(403);
    expect((await stranger('POST', `/activities/${body.activityId}/cancel`, { body: { reason: 'x' } })).status).toBe(403);
    const empty = await caller(app, d.organizer)('PATCH', `/activities/${body.activityId}`, { body: {} });
    expect(empty.status).toBe(400);
    const noReason = await caller(app, d.organizer)('POST', `/activities/${body.activityId}/cancel`, { body: {} });
    expect(noReason.body.error.fields).toHaveProperty('reason');
    expect((await caller(app, d.organizer)('GET', `/activities/${body.activityId}`)).body.status).toBe('draft');
  });

  it('cancels: claimants named in ActivityCancelled, claims released, hidden from discovery, closed to claims', async () => {
    const d = await freshDistrict();
    const org = caller(app, d.organizer);
    const shifts = [{ startsAt: hoursFromNow(30), endsAt: hoursFromNow(32), capacity: 1 }];
    const { body } = await org('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const path = claimPath(body.activityId, body.shifts[0].shiftId);
    const [first, second] = [volunteer(), volunteer()];
    const held = await caller(app, first)('POST', path, { idempotencyKey: 'k' });
    const waiting = await caller(app, second)('POST', path, { idempotencyKey: 'k' });
    expect(waiting.status).toBe(202);

    const cancelled = await org('POST', `/activities/${body.activityId}/cancel`, { body: { reason: '暴雨预警' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警', shifts: [{ confirmed: 0, waitlisted: 0 }] });
    const events = await outboxEvents('ActivityCancelled.v1', (e) => e.activityId === body.activityId);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ reason: '暴雨预警', orgId: d.org.orgId });
    expect((events[0]!.data as { claims: unknown[] }).claims).toEqual(expect.arrayContaining([
      { claimId: held.body.claimId, shiftId: body.shifts[0].shiftId, volunteerId: first.userId, status: 'confirmed' },
      { claimId: waiting.body.claimId, shiftId: body.shifts[0].shiftId, volunteerId: second.userId, status: 'waitlisted' },
    ]));
    const mine = await caller(app, first)('GET', '/me/claims');
    expect(mine.body.items[0].status).toBe('cancelled');
    expect((await listedActivities({ gridId: d.grid.gridId, limit: 10 })).items).toEqual([]);
    const late = await caller(app, volunteer())('POST', path, { idempotencyKey: 'k' });
    expect(late.body.error.code).toBe('ACTIVITY_NOT_OPEN');
    expect((await org('POST', `/activities/${body.activityId}/cancel`, { body: { reason: 'again' } })).status).toBe(409);
  });

  it('generates the shifts of a weekly recurrence', async () => {
    const d = await freshDistrict();
    const { shifts: _s, ...rest } = activityBody(d.grid.gridId);
    const recurrence = { weekdays: [1, 3, 5], startTime: '18:30', durationMinutes: 90, capacity: 6, from: '2031-06-02', until: '2031-06-15' };
    const res = await caller(app, d.organizer)('POST', '/activities', { body: { ...rest, recurrence } });
    expect(res.status).toBe(201);
    expect(res.body.shifts.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ['02', '04', '06', '09', '11', '13'].map((day) => `2031-06-${day}T10:30:00.000Z`),
    );
    expect(res.body.shifts.every((s: { endsAt: string; startsAt: string; capacity: number }) => Date.parse(s.endsAt) - Date.parse(s.startsAt) === 90 * 60_000 && s.capacity === 6)).toBe(true);
  });
});

describe('waitlist, cancellation and double-booking', () => {
  const publish = async (shifts: { startsAt: string; endsAt: string; capacity: number }[], extra: Record<string, unknown> = {}) => {
    const d = await freshDistrict();
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts, ...extra }) });
    return body as { activityId: string; shifts: { shiftId: string }[] };
  };

  it('promotes the head of the waitlist when a confirmed claimant cancels, with the events', async () => {
    const a = await publish([{ startsAt: hoursFromNow(48), endsAt: hoursFromNow(50), capacity: 1 }]);
    const path = claimPath(a.activityId, a.shifts[0]!.shiftId);
    const [holder, next, last] = [volunteer(), volunteer(), volunteer()];
    const held = await caller(app, holder)('POST', path, { idempotencyKey: 'k' });
    const w1 = await caller(app, next)('POST', path, { idempotencyKey: 'k' });
    const w2 = await caller(app, last)('POST', path, { idempotencyKey: 'k' });
    expect([w1.body.position, w2.body.position]).toEqual([1, 2]);

    const gone = await caller(app, holder)('DELETE', `/claims/${held.body.claimId}`);
    expect(gone.status).toBe(200);
    expect(gone.body.status).toBe('cancelled');
    expect((await caller(app, next)('GET', '/me/claims')).body.items[0].status).toBe('confirmed');
    expect((await caller(app, last)('GET', '/me/claims')).body.items[0].status).toBe('waitlisted');
    const shift = (await caller(app, holder)('GET', `/activities/${a.activityId}`)).body.shifts[0];
    expect(shift).toMatchObject({ confirmed: 1, waitlisted: 1 });
    expect(await outboxEvents('ClaimCancelled.v1', (e) => e.claimId === held.body.claimId)).toHaveLength(1);
    expect(await outboxEvents('WaitlistPromoted.v1', (e) => e.claimId === w1.body.claimId)).toHaveLength(1);
    expect(await outboxEvents('ShiftClaimed.v1', (e) => e.claimId === w1.body.claimId)).toHaveLength(1);

    expect((await caller(app, holder)('DELETE', `/claims/${held.body.claimId}`)).status).toBe(409);
    expect((await caller(app, volunteer())('DELETE', `/claims/${w2.body.claimId}`)).status).toBe(404);
    expect((await caller(app, last)('DELETE', `/claims/${w2.body.claimId}`)).status).toBe(200);
    expect((await caller(app, holder)('GET', `/activities/${a.activityId}`)).body.shifts[0]).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });

  it('frees the place when nobody waits, and lets the volunteer claim again', async () => {
    const a = await publish([{ startsAt: hoursFromNow(48), endsAt: hoursFromNow(50), capacity: 2 }]);
    const path = claimPath(a.activityId, a.shifts[0]!.shiftId);
    const v = caller(app, volunteer());
    const held = await v('POST', path, { idempotencyKey: 'k1' });
    expect((await v('DELETE', `/claims/${held.body.claimId}`)).status).toBe(200);
    expect((await v('GET', `/activities/${a.activityId}`)).body.shifts[0]).toMatchObject({ confirmed: 0, remaining: 2 });
    expect((await v('POST', path, { idempotencyKey: 'k2' })).status).toBe(201);
  });

  it('closes cancellation of a confirmed place at the activity\'s deadline', async () => {
    const a = await publish([{ startsAt: hoursFromNow(3), endsAt: hoursFromNow(5), capacity: 2 }], { cancellationDeadlineHours: 4 });
    const v = caller(app, volunteer());
    const held = await v('POST', claimPath(a.activityId, a.shifts[0]!.shiftId), { idempotencyKey: 'k' });
    const late = await v('DELETE', `/claims/${held.body.claimId}`);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'CANCELLATION_CLOSED', fields: { claimId: expect.any(String) } });
  });

  it('refuses a second shift overlapping one the volunteer holds, naming it', async () => {
    const a = await publish([{ startsAt: hoursFromNow(60), endsAt: hoursFromNow(62), capacity: 3 }]);
    const b = await publish([{ startsAt: hoursFromNow(61), endsAt: hoursFromNow(63), capacity: 3 }]);
    const c = await publish([{ startsAt: hoursFromNow(62), endsAt: hoursFromNow(64), capacity: 3 }]);
    const v = caller(app, volunteer());
    expect((await v('POST', claimPath(a.activityId, a.shifts[0]!.shiftId), { idempotencyKey: 'a' })).status).toBe(201);
    const clash = await v('POST', claimPath(b.activityId, b.shifts[0]!.shiftId), { idempotencyKey: 'b' });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'OVERLAPPING_CLAIM', fields: { shiftId: `overlaps ${a.shifts[0]!.shiftId}` } });
    expect((await v('POST', claimPath(c.activityId, c.shifts[0]!.shiftId), { idempotencyKey: 'c' })).status).toBe(201);
  });

  it('refuses overlapping claims racing in parallel: exactly one wins', async () => {
    const shifts = await Promise.all([0, 0.5, 1, 1.5].map((h) => publish([{ startsAt: hoursFromNow(80 + h), endsAt: hoursFromNow(82 + h), capacity: 3 }])));
    const v = caller(app, volunteer());
    const answers = await Promise.all(shifts.map((a, i) => v('POST', claimPath(a.activityId, a.shifts[0]!.shiftId), { idempotencyKey: `p${i}` })));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409 && r.body.error.code === 'OVERLAPPING_CLAIM')).toHaveLength(3);
  });

  it('shows a published activity as completed once its last shift has ended, and refuses claims, edits and cancelling then', async () => {
    const d = await freshDistrict();
    const origin = { lat: -30 + Math.random() * 60, lng: -150 + Math.random() * 300 };
    const shifts = [{ startsAt: hoursFromNow(1), endsAt: hoursFromNow(2), capacity: 3 }, { startsAt: hoursFromNow(3), endsAt: hoursFromNow(4), capacity: 3 }];
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts, location: origin }) });
    const near = `/activities?near=${origin.lat},${origin.lng}`;
    const between = createApp(() => new Date(Date.now() + 3 * 3_600_000));
    expect((await caller(between, volunteer())('GET', `/activities/${body.activityId}`)).body.status).toBe('published');
    expect((await caller(between, volunteer())('GET', near)).body.items).toHaveLength(1);

    const later = createApp(() => new Date(Date.now() + 4 * 3_600_000 + 1000));
    const v = caller(later, volunteer());
    expect((await v('GET', `/activities/${body.activityId}`)).body.status).toBe('completed');
    expect((await v('GET', `/activities?gridId=${d.grid.gridId}`)).body.items.map((a: { status: string }) => a.status)).toEqual(['completed']);
    expect((await v('GET', near)).body.items).toEqual([]);
    const claim = await v('POST', claimPath(body.activityId, body.shifts[1].shiftId), { idempotencyKey: 'late' });
    expect([claim.status, claim.body.error.code]).toEqual([409, 'SHIFT_ENDED']);
    const org = caller(later, d.organizer);
    const cancel = await org('POST', `/activities/${body.activityId}/cancel`, { body: { reason: 'x' } });
    expect([cancel.status, cancel.body.error.fields]).toEqual([409, { status: 'completed' }]);
    expect((await org('PATCH', `/activities/${body.activityId}`, { body: { title: '改名' } })).status).toBe(409);
  });
});
