import { QueryCommand } from 'dynamodb-toolbox';
import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { busEvent, caller, lambdaContext, person, testToken } from '@lianxin/shared/testing';
import { claim } from '../../src/domain/wishes/wish';
import { wishTransitioned } from '../../src/events/publish';
import { handler } from '../../src/handlers/events';
import { createApp } from '../../src/http/app';
import { findClaim } from '../../src/store/claims';
import { table } from '../../src/store/table';
import { findWish, saveWish } from '../../src/store/wishes';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

const personClosed = (personId: string) => events.PersonClosedV1.make({ personId, pseudonym: newId('anon') }, personId);
const deliver = (envelope: ReturnType<typeof personClosed>) => handler(busEvent(envelope), lambdaContext);

const inboxMarkers = async (eventId: string) =>
  (await table.build(QueryCommand).query({ partition: `INBOX#${eventId}` }).options({ consistent: true }).send()).Items ?? [];

const wishBody = (gridId: string, contactName: string) =>
  ({ title: '帮忙买药', gridId, address: '湖滨路18号3栋', contactName, contactPhone: '13812345678' });

/** A fresh district where `poster` has three wishes: one pending review, one open, one claimed by `helper`. */
const wishesIn = async (poster: ReturnType<typeof volunteer>, helper: ReturnType<typeof volunteer>) => {
  const d = await freshDistrict();
  const post = async () => (await caller(app, poster)('POST', '/wishes', { body: wishBody(d.grid.gridId, '张三') })).body.wishId as string;
  const approve = (wishId: string) => caller(app, d.organizer)('POST', `/wishes/${wishId}/approve`, { body: {} });
  const [pending, open, claimed] = [await post(), await post(), await post()];
  await approve(open);
  await approve(claimed);
  expect((await caller(app, helper)('POST', `/wishes/${claimed}/claim`, { body: {}, idempotencyKey: 'k' })).status).toBe(200);
  return { d, pending, open, claimed };
};

/** PIPL: a closed account leaves its claims and its wishes under the pseudonym, and everything else as it was. */
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

  it("puts the pseudonym as the contact of every wish the person posted, without phone or address, once, and the wishes go on", async () => {
    const [resident, helper, neighbour] = [volunteer(), volunteer(), volunteer()];
    const { d, pending, open, claimed } = await wishesIn(resident, helper);
    const theirs = (await caller(app, neighbour)('POST', '/wishes', { body: wishBody(d.grid.gridId, '李四') })).body.wishId as string;
    const before = await Promise.all([pending, open, claimed].map(findWish));
    const neighbours = await findWish(theirs);
    expect(before.map((w) => w?.status)).toEqual(['pending_review', 'open', 'claimed']);

    const closed = personClosed(resident.userId);
    await deliver(closed);
    const { pseudonym } = closed.data;
    const after = await Promise.all([pending, open, claimed].map(findWish));
    expect(after).toEqual(before.map((w) => ({ ...w, contactName: pseudonym, contactPhone: '', address: '' })));
    expect(JSON.stringify(after)).not.toMatch(/张三|13812345678|湖滨路/);
    expect(await findWish(theirs)).toEqual(neighbours);

    await deliver(closed);
    expect(await Promise.all([pending, open, claimed].map(findWish))).toEqual(after);
    expect(await inboxMarkers(closed.id)).toHaveLength(1);

    // Views still answer: the claimant sees the pseudonym and no contact, and finishes the work.
    const seen = await caller(app, helper)('GET', `/wishes/${claimed}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'claimed', contactName: pseudonym, contactPhone: '', address: '' });
    const listed = await caller(app, d.organizer)('GET', `/wishes?gridId=${d.grid.gridId}&status=pending_review`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((w: { wishId: string; contactName: string }) => [w.wishId, w.contactName])).toEqual([[theirs, '李四'], [pending, pseudonym]]);
    const fulfilled = await caller(app, helper)('POST', `/wishes/${claimed}/fulfil`, { body: { note: '送到了', minutes: 30 } });
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled', contactName: pseudonym, contactPhone: '', address: '' });
  });

  it('refuses a change of a wish decided before the erasure, so it never brings the contact back', async () => {
    const [resident, helper] = [volunteer(), volunteer()];
    const { open } = await wishesIn(resident, helper);
    const read = (await findWish(open))!;
    const closed = personClosed(resident.userId);
    await deliver(closed);
    const erased = await findWish(open);

    const now = new Date();
    const late = claim(read, helper, undefined, now);
    expect(await saveWish(late, 'open', wishTransitioned(late, helper.userId, now))).toBe('stale');
    expect(await findWish(open)).toEqual(erased);
    const claimedNow = await caller(app, helper)('POST', `/wishes/${open}/claim`, { body: {}, idempotencyKey: 'again' });
    expect(claimedNow.body).toMatchObject({ status: 'claimed', contactName: closed.data.pseudonym, contactPhone: '', address: '' });
  });
});
