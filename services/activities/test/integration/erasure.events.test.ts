import { QueryCommand } from 'dynamodb-toolbox';
import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { busEvent, caller, lambdaContext, person, testToken } from '@lianxin/shared/testing';
import { handler } from '../../src/handlers/events';
import { createApp } from '../../src/http/app';
import { findClaim } from '../../src/store/claims';
import { table } from '../../src/store/table';
import { activityBody, freshDistrict, hoursFromNow } from '../support/fixtures';

const app = createApp();

const personClosed = (personId: string) => events.PersonClosedV1.make({ personId, pseudonym: newId('anon') }, personId);
const deliver = (envelope: ReturnType<typeof personClosed>) => handler(busEvent(envelope), lambdaContext);

const inboxMarkers = async (eventId: string) =>
  (await table.build(QueryCommand).query({ partition: `INBOX#${eventId}` }).options({ consistent: true }).send()).Items ?? [];

/** PIPL: a closed account leaves its claims under the pseudonym, and everything else as it was. */
describe('PersonClosed', () => {
  it("puts the pseudonym in place of the person's name on every claim of theirs, once, and the roster shows it", async () => {
    const d = await freshDistrict();
    const shifts = [
      { startsAt: hoursFromNow(40), endsAt: hoursFromNow(42), capacity: 1 },
      { startsAt: hoursFromNow(50), endsAt: hoursFromNow(52), capacity: 1 },
    ];
    const { body: activity } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const [held, given] = (activity.shifts as { shiftId: string }[]).map((s) => s.shiftId);
    const claimPath = (shiftId: string) => `/activities/${activity.activityId}/shifts/${shiftId}/claims`;
    const wang = person({ roles: ['volunteer'], name: '王芳' });
    const li = person({ roles: ['volunteer'], name: '李明' });
    await caller(app, wang)('POST', claimPath(held!), { idempotencyKey: 'k' });
    await caller(app, li)('POST', claimPath(held!), { idempotencyKey: 'k' });
    const { body: cancelled } = await caller(app, wang)('POST', claimPath(given!), { idempotencyKey: 'k2' });
    expect((await caller(app, wang)('DELETE', `/claims/${cancelled.claimId}`)).status).toBe(200);
    const before = await Promise.all([findClaim(held!, wang.userId), findClaim(given!, wang.userId), findClaim(held!, li.userId)]);
    expect(before.map((c) => [c?.volunteerName, c?.status])).toEqual([['王芳', 'confirmed'], ['王芳', 'cancelled'], ['李明', 'waitlisted']]);

    const closed = personClosed(wang.userId);
    await deliver(closed);
    const { pseudonym } = closed.data;
    const after = await Promise.all([findClaim(held!, wang.userId), findClaim(given!, wang.userId)]);
    expect(after).toEqual([{ ...before[0], volunteerName: pseudonym }, { ...before[1], volunteerName: pseudonym }]);
    expect(JSON.stringify(after)).not.toContain('王芳');
    expect(await findClaim(held!, li.userId)).toEqual(before[2]);

    await deliver(closed);
    expect(await Promise.all([findClaim(held!, wang.userId), findClaim(given!, wang.userId)])).toEqual(after);
    expect(await inboxMarkers(closed.id)).toHaveLength(1);

    const roster = await caller(app, d.organizer)('GET', `/shifts/${held}/roster`);
    expect(roster.body.items).toEqual([
      expect.objectContaining({ volunteerId: wang.userId, volunteerName: pseudonym, status: 'confirmed' }),
      expect.objectContaining({ volunteerId: li.userId, volunteerName: '李明', status: 'waitlisted', position: 1 }),
    ]);
    const csv = await (await app.request(`/shifts/${held}/roster?format=csv`, { headers: { authorization: `Bearer ${await testToken(d.organizer)}` } })).text();
    expect(csv).toContain(`,${pseudonym},confirmed,,`);
    expect(csv).not.toContain('王芳');
  });
});
