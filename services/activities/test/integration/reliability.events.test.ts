import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { busEvent, caller, lambdaContext } from '@lianxin/shared/testing';
import { handler } from '../../src/handlers/events';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, outboxEvents, volunteer } from '../support/fixtures';

const app = createApp();

const DAY = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const recorded = (volunteerId: string, outcome: 'attended' | 'no_show', endedDaysAgo = 1, claimId = newId('clm')) =>
  events.AttendanceRecordedV1.make(
    { claimId, activityId: newId('act'), shiftId: newId('sft'), volunteerId, outcome, shiftEndsAt: daysAgo(endedDaysAgo) },
    'system:attendance',
  );

const deliver = (envelope: ReturnType<typeof recorded>) => handler(busEvent(envelope), lambdaContext);

const reliabilityOf = async (who: ReturnType<typeof volunteer>) => (await caller(app, who)('GET', '/me/reliability')).body;

describe('AttendanceRecorded → reliability', () => {
  it('counts attended ÷ confirmed over the window, each event once', async () => {
    const v = volunteer();
    const first = recorded(v.userId, 'attended');
    for (const e of [first, first, recorded(v.userId, 'attended', 30), recorded(v.userId, 'no_show', 89), recorded(v.userId, 'no_show', 91)]) await deliver(e);
    expect(await reliabilityOf(v)).toEqual({ ratio: 2 / 3, attended: 2, confirmed: 3, windowDays: 90, threshold: 0.8 });
  });

  it('keeps one outcome per claim even if two events name it', async () => {
    const v = volunteer();
    const claimId = newId('clm');
    const once = recorded(v.userId, 'no_show', 2, claimId);
    await deliver(once);
    await deliver({ ...once, id: newId('evt') });
    expect(await reliabilityOf(v)).toMatchObject({ attended: 0, confirmed: 1, ratio: 0 });
  });

  it('answers a volunteer without history as reliable, and only to volunteers', async () => {
    expect(await reliabilityOf(volunteer())).toEqual({ ratio: 1, attended: 0, confirmed: 0, windowDays: 90, threshold: 0.8 });
    const organizer = (await freshDistrict()).organizer;
    expect((await caller(app, organizer)('GET', '/me/reliability')).status).toBe(403);
    expect((await caller(app)('GET', '/me/reliability')).status).toBe(401);
  });
});

/** A published shift with one place, taken; then an unreliable volunteer joins its waitlist, then a reliable one. */
const fullShiftWithTwoWaiting = async () => {
  const d = await freshDistrict();
  const body = activityBody(d.grid.gridId, { shifts: [{ startsAt: hoursFromNow(24), endsAt: hoursFromNow(26), capacity: 1 }] });
  const { body: activity } = await caller(app, d.organizer)('POST', '/activities', { body });
  const shiftId = activity.shifts[0].shiftId as string;
  const path = `/activities/${activity.activityId}/shifts/${shiftId}/claims`;
  const [holder, unreliable, reliable] = [volunteer(), volunteer(), volunteer()];
  await deliver(recorded(unreliable.userId, 'no_show'));
  const claim = async (who: typeof holder) => (await caller(app, who)('POST', path, { body: {}, idempotencyKey: 'k' })).body;
  const held = await claim(holder);
  const waitsFirst = await claim(unreliable);
  const waitsSecond = await claim(reliable);
  return { organizer: d.organizer, shiftId, holder, reliable, held, waitsFirst, waitsSecond };
};

describe('the banded waitlist', () => {
  it('puts an unreliable volunteer behind a reliable one who joined later, and promotes the reliable one', async () => {
    const { organizer, shiftId, holder, reliable, held, waitsFirst, waitsSecond } = await fullShiftWithTwoWaiting();
    expect([waitsFirst.status, waitsSecond.status]).toEqual(['waitlisted', 'waitlisted']);

    const roster = await caller(app, organizer)('GET', `/shifts/${shiftId}/roster`);
    const line = roster.body.items.filter((e: { status: string }) => e.status === 'waitlisted');
    expect(line.map((e: { claimId: string; position: number }) => [e.claimId, e.position])).toEqual([[waitsSecond.claimId, 1], [waitsFirst.claimId, 2]]);

    expect((await caller(app, holder)('DELETE', `/claims/${held.claimId}`)).status).toBe(200);
    const promoted = await outboxEvents('WaitlistPromoted.v1', (data) => data.replacedClaimId === held.claimId);
    expect(promoted.map((e) => (e.data as { volunteerId: string }).volunteerId)).toEqual([reliable.userId]);
  });

  it('answers a reliable latecomer the position the band gives them', async () => {
    const { waitsFirst, waitsSecond } = await fullShiftWithTwoWaiting();
    expect(waitsFirst).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(waitsSecond).toMatchObject({ status: 'waitlisted', position: 1 });
  });
});
