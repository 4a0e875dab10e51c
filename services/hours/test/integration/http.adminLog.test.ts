/**
 * The append-only admin log of hours: every verification and rejection writes one entry in
 * its own transaction; a refused decision writes none. The suite uses tables of its own, so
 * "newest first" and "the whole log" are exactly what it decided.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { idFromKey, newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { useFreshTables } from '../../../../tests/insider/tables';
import { createApp } from '../../src/http/app';
import { checkedOutLog, deliver, organizerOf, volunteer } from '../support/fixtures';

const app = createApp();
const asAdmin = caller(app, person({ roles: ['admin'] }));

interface Entry { entryId: string; at: string; hourLogId: string; action: string }

/** The whole log, newest first, walked page by page. */
const wholeLog = async (limit = 100): Promise<Entry[]> => {
  const entries: Entry[] = [];
  let cursor: string | undefined;
  do {
    const page = await asAdmin('GET', `/hours/admin-log?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    cursor = page.body.cursor;
  } while (cursor);
  return entries;
};

const entriesOf = async (hourLogId: string) => (await wholeLog()).filter((e) => e.hourLogId === hourLogId);

let restoreTables: () => Promise<void>;
beforeAll(async () => {
  restoreTables = await useFreshTables('hoursadminlog');
});
afterAll(() => restoreTables());

// Later cases page through what earlier ones wrote, so they run in order.
describe.sequential('the hours admin log', () => {
  it('logs a verification once, with the organizer, the organization, the minutes and bonus before and after', async () => {
    const worker = volunteer();
    const { app: shiftApp, orgId, organizer, hourLogId } = await checkedOutLog(worker);
    const answer = await caller(shiftApp, organizer)('POST', `/hours/${hourLogId}/verify`, { body: { minutes: 45, note: '补录签退', bonusPoints: 5 } });
    expect(answer.status).toBe(200);

    const [entry, ...more] = await entriesOf(hourLogId);
    expect(more).toEqual([]);
    expect(entry).toEqual({
      entryId: expect.any(String),
      at: expect.any(String),
      actor: organizer.userId,
      action: 'hours.verify',
      hourLogId,
      volunteerId: worker.userId,
      orgId,
      before: { status: 'checked_out', minutes: 30 },
      after: { status: 'verified', minutes: 45, bonusPoints: 5 },
      note: '补录签退',
    });
    expect(Date.parse(entry!.at)).not.toBeNaN();

    // Deciding again is refused (409) and logs nothing more.
    expect((await caller(shiftApp, organizer)('POST', `/hours/${hourLogId}/reject`, { body: { reason: '重复' } })).status).toBe(409);
    expect(await entriesOf(hourLogId)).toHaveLength(1);
  });

  it('logs a rejection with its reason and nothing credited', async () => {
    const { app: shiftApp, organizer, hourLogId } = await checkedOutLog();
    expect((await caller(shiftApp, organizer)('POST', `/hours/${hourLogId}/reject`, { body: { reason: '未到岗' } })).status).toBe(200);
    expect(await entriesOf(hourLogId)).toEqual([
      expect.objectContaining({
        actor: organizer.userId, action: 'hours.reject', reason: '未到岗',
        before: { status: 'checked_out', minutes: 30 }, after: { status: 'rejected', minutes: 0, bonusPoints: 0 },
      }),
    ]);
  });

  it('logs nothing for a refused decision: out of scope, a bonus over the maximum, adjusted minutes without a note', async () => {
    const { app: shiftApp, organizer, hourLogId } = await checkedOutLog();
    const stranger = caller(shiftApp, organizerOf(newId('org')));
    expect((await stranger('POST', `/hours/${hourLogId}/verify`, { body: {} })).status).toBe(403);
    expect((await stranger('POST', `/hours/${hourLogId}/reject`, { body: { reason: '不认识' } })).status).toBe(403);
    const overBonus = await caller(shiftApp, organizer)('POST', `/hours/${hourLogId}/verify`, { body: { bonusPoints: 21 } });
    expect(overBonus.status).toBe(400);
    expect(overBonus.body.error.fields).toHaveProperty('bonusPoints');
    expect((await caller(shiftApp, organizer)('POST', `/hours/${hourLogId}/verify`, { body: { minutes: 50 } })).status).toBe(400);
    expect(await entriesOf(hourLogId)).toEqual([]);
  });

  it('logs exactly one entry when organizers decide at once', async () => {
    const { app: shiftApp, orgId, organizer, hourLogId } = await checkedOutLog();
    const colleagues = [organizer, organizerOf(orgId), organizerOf(orgId)];
    const answers = await Promise.all(colleagues.map((who) => caller(shiftApp, who)('POST', `/hours/${hourLogId}/verify`, { body: {} })));
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    const entries = await entriesOf(hourLogId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: winners[0]!.body.verifiedBy });
  });

  it("names, for a micro-wish, the serving organization the organizer decided for", async () => {
    const wishId = newId('wish');
    const [served, serving] = [newId('org'), newId('org')];
    const helper = volunteer();
    await deliver(events.WishFulfilledV1.make(
      {
        wishId, volunteerId: helper.userId, gridId: 'g-hubin-1', communityId: newId('c'), minutes: 60,
        confirmedAt: new Date().toISOString(), orgIds: [served, serving], postedBy: 'u-resident', claimedBy: helper.userId,
      },
      'u-resident',
    ));
    const hourLogId = idFromKey('hl', 'wish', wishId);
    const organizer = organizerOf(serving);
    expect((await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: {} })).status).toBe(200);
    expect(await entriesOf(hourLogId)).toEqual([
      expect.objectContaining({
        actor: organizer.userId, action: 'hours.verify', orgId: serving, volunteerId: helper.userId,
        before: { status: 'checked_out', minutes: 60 }, after: { status: 'verified', minutes: 60, bonusPoints: 0 },
      }),
    ]);
  });

  it('is read newest first, in pages that neither skip nor repeat an entry', async () => {
    const decided: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { app: shiftApp, organizer, hourLogId } = await checkedOutLog();
      expect((await caller(shiftApp, organizer)('POST', `/hours/${hourLogId}/verify`, { body: {} })).status).toBe(200);
      decided.unshift(hourLogId);
    }
    const first = await asAdmin('GET', '/hours/admin-log?limit=2');
    expect(first.body.items.map((e: Entry) => e.hourLogId)).toEqual(decided.slice(0, 2));
    expect(first.body.cursor).toEqual(expect.any(String));
    const second = await asAdmin('GET', `/hours/admin-log?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.body.items[0].hourLogId).toBe(decided[2]);

    const paged = await wholeLog(2);
    const all = await wholeLog(100);
    expect(paged).toEqual(all);
    expect(new Set(all.map((e) => e.entryId)).size).toBe(all.length);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    // Every decision of this suite, and nothing for the refused ones.
    expect(all).toHaveLength(7);
  });

  it('is for admins only, and names a bad limit or cursor', async () => {
    const { app: shiftApp, organizer } = await checkedOutLog();
    expect((await caller(shiftApp, organizer)('GET', '/hours/admin-log')).status).toBe(403);
    expect((await caller(app, volunteer())('GET', '/hours/admin-log')).status).toBe(403);
    for (const limit of ['0', '101', 'x']) {
      const bad = await asAdmin('GET', `/hours/admin-log?limit=${limit}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields).toHaveProperty('limit');
    }
    const badCursor = await asAdmin('GET', '/hours/admin-log?cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.fields).toHaveProperty('cursor');
  });
});
