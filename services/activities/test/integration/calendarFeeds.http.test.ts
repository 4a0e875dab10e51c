import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@lianxin/shared/db/client';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { busEvent, caller, lambdaContext, person, testToken } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createFeed } from '../../src/app/calendarFeeds/createFeed';
import { tokenHash } from '../../src/domain/calendarFeed';
import { handler } from '../../src/handlers/events';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

/** A calendar app: no Authorization header, ever. */
const subscribe = (path: string) => app.request(path);

/** A district with one upcoming shift confirmed for `owner` and another for `other`. */
const twoSchedules = async () => {
  const d = await freshDistrict();
  const shifts = [
    { startsAt: hoursFromNow(70), endsAt: hoursFromNow(72), capacity: 5 },
    { startsAt: hoursFromNow(80), endsAt: hoursFromNow(82), capacity: 5 },
  ];
  const { body: activity } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts, title: '湖滨巡河' }) });
  const claimPath = (i: number) => `/activities/${activity.activityId}/shifts/${activity.shifts[i].shiftId}/claims`;
  const [owner, other] = [volunteer(), volunteer()];
  const mine = await caller(app, owner)('POST', claimPath(0), { idempotencyKey: 'k' });
  const theirs = await caller(app, other)('POST', claimPath(1), { idempotencyKey: 'k' });
  expect([mine.status, theirs.status]).toEqual([201, 201]);
  return { owner, other, mine: mine.body.claimId as string, theirs: theirs.body.claimId as string };
};

/** Every item of the table whose JSON contains `text` (a test may scan; the service never does). */
const itemsContaining = async (text: string) => {
  const found: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: process.env.ACTIVITIES_TABLE, ExclusiveStartKey }));
    found.push(...(page.Items ?? []).filter((i) => JSON.stringify(i).includes(text)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
};

describe('calendar feeds', () => {
  it("serve the owner's schedule without a bearer, the same as /me/schedule.ics, and never another person's", async () => {
    const { owner, mine, theirs } = await twoSchedules();
    const created = await caller(app, owner)('POST', '/me/calendar-feeds', { idempotencyKey: 'feed-1' });
    expect(created.status).toBe(201);
    const { feedId, token, path, createdAt } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/feeds/${token}/schedule.ics`);
    expect(Date.parse(createdAt)).not.toBeNaN();

    const res = await subscribe(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const ics = await res.text();
    expect(ics).toContain(`UID:${mine}@lianxin`);
    expect(ics).not.toContain(theirs);
    // Byte for byte what the owner gets signed in (DTSTAMP aside: the clock moved between the two).
    const direct = await (await app.request('/me/schedule.ics', { headers: { authorization: `Bearer ${await testToken(owner)}` } })).text();
    const stampless = (text: string) => text.replace(/^DTSTAMP:.*$/gm, '');
    expect(stampless(ics)).toBe(stampless(direct));

    const listed = await caller(app, owner)('GET', '/me/calendar-feeds');
    expect(listed.body.items).toEqual([{ feedId, createdAt, lastUsedAt: expect.any(String) }]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it('keeps only the hash of a token: no item of the table holds the token but the idempotency replay record', async () => {
    const owner = volunteer();
    const { body } = await caller(app, owner)('POST', '/me/calendar-feeds', { idempotencyKey: 'feed-hash' });
    const holding = await itemsContaining(body.token);
    // The route kit keeps each answer for a day, to replay it to a retry with the same key (see README).
    expect(holding.map((i) => i.pk)).toEqual([`IDEM#${owner.userId}#feed-hash`]);
    const hashed = await itemsContaining(tokenHash(body.token));
    expect(hashed.map((i) => i.pk).sort()).toEqual([`FEEDTOKEN#${tokenHash(body.token)}`, `VOL#${owner.userId}`]);
  });

  it('replays the same answer to a retry with the same Idempotency-Key, and makes one feed', async () => {
    const owner = volunteer();
    const first = await caller(app, owner)('POST', '/me/calendar-feeds', { idempotencyKey: 'again' });
    const retry = await caller(app, owner)('POST', '/me/calendar-feeds', { idempotencyKey: 'again' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await caller(app, owner)('GET', '/me/calendar-feeds')).body.items).toHaveLength(1);
    expect((await subscribe(first.body.path)).status).toBe(200);
  });

  it('gives a create run again after a lost answer the same feed with a new token, and kills the unseen one', async () => {
    const owner = volunteer();
    const now = new Date();
    const lost = await createFeed(owner, 'crash', now);
    const again = await createFeed(owner, 'crash', now);
    expect(again.feed).toEqual(lost.feed);
    expect(again.token).not.toBe(lost.token);
    expect((await subscribe(`/feeds/${lost.token}/schedule.ics`)).status).toBe(404);
    expect((await subscribe(`/feeds/${again.token}/schedule.ics`)).status).toBe(200);
    expect((await caller(app, owner)('GET', '/me/calendar-feeds')).body.items.map((f: { feedId: string }) => f.feedId)).toEqual([lost.feed.feedId]);
  });

  it('is revoked by its owner only: then its URL answers 404 at once', async () => {
    const [owner, stranger] = [volunteer(), volunteer()];
    const { body } = await caller(app, owner)('POST', '/me/calendar-feeds', { idempotencyKey: 'r' });
    await caller(app, stranger)('POST', '/me/calendar-feeds', { idempotencyKey: 'r' });

    const stolen = await caller(app, stranger)('DELETE', `/me/calendar-feeds/${body.feedId}`);
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('FEED_NOT_FOUND');
    const strangers = (await caller(app, stranger)('GET', '/me/calendar-feeds')).body.items.map((f: { feedId: string }) => f.feedId);
    expect(strangers).toHaveLength(1);
    expect(strangers).not.toContain(body.feedId);
    expect((await subscribe(body.path)).status).toBe(200);

    const revoked = await caller(app, owner)('DELETE', `/me/calendar-feeds/${body.feedId}`);
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBeUndefined();
    const after = await subscribe(body.path);
    expect(after.status).toBe(404);
    expect(await after.json()).toEqual({ error: { code: 'FEED_NOT_FOUND', message: 'No calendar feed at this address' } });
    expect((await caller(app, owner)('GET', '/me/calendar-feeds')).body.items).toEqual([]);
    expect((await caller(app, owner)('DELETE', `/me/calendar-feeds/${body.feedId}`)).status).toBe(404);
  });

  it('answers an unknown, revoked or malformed token with the same 404, echoing none of them', async () => {
    const owner = volunteer();
    const { body } = await caller(app, owner)('POST', '/me/calendar-feeds', { idempotencyKey: 'm' });
    await caller(app, owner)('DELETE', `/me/calendar-feeds/${body.feedId}`);
    const unknown = 'A'.repeat(43);
    const tokens = [unknown, body.token, 'short', `${body.token}x`, 'x'.repeat(5000), `${'a'.repeat(42)}.`];
    const answers = await Promise.all(tokens.map(async (t) => {
      const res = await subscribe(`/feeds/${t}/schedule.ics`);
      return { status: res.status, text: await res.text() };
    }));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(404);
    expect(tokens.some((t) => answers[0]!.text.includes(t))).toBe(false);
  });

  it('allows at most 5 active feeds per person: the 6th is refused until one is revoked', async () => {
    const owner = volunteer();
    const call = caller(app, owner);
    const made = await Promise.all([1, 2, 3, 4, 5].map((n) => call('POST', '/me/calendar-feeds', { idempotencyKey: `n${n}` })));
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const sixth = await call('POST', '/me/calendar-feeds', { idempotencyKey: 'n6' });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.code).toBe('TOO_MANY_FEEDS');
    expect((await call('GET', '/me/calendar-feeds')).body.items).toHaveLength(5);

    expect((await call('DELETE', `/me/calendar-feeds/${made[0]!.body.feedId}`)).status).toBe(204);
    // A refusal is an answer too: the same key replays it, a new key is a new request.
    expect((await call('POST', '/me/calendar-feeds', { idempotencyKey: 'n6' })).status).toBe(409);
    expect((await call('POST', '/me/calendar-feeds', { idempotencyKey: 'n7' })).status).toBe(201);
    expect((await call('POST', '/me/calendar-feeds', { idempotencyKey: 'n8' })).status).toBe(409);
  });

  it('lets only volunteers make and list feeds', async () => {
    const merchant = person({ roles: ['merchant'] });
    expect((await caller(app, merchant)('POST', '/me/calendar-feeds', { idempotencyKey: 'x' })).status).toBe(403);
    expect((await caller(app, merchant)('GET', '/me/calendar-feeds')).status).toBe(403);
    expect((await caller(app)('GET', '/me/calendar-feeds')).status).toBe(401);
  });

  it("are revoked when their owner's account is closed (PIPL)", async () => {
    const owner = volunteer();
    const { body } = await caller(app, owner)('POST', '/me/calendar-feeds', { idempotencyKey: 'c' });
    const closed = events.PersonClosedV1.make({ personId: owner.userId, pseudonym: newId('anon') }, owner.userId);
    await handler(busEvent(closed), lambdaContext);
    await handler(busEvent(closed), lambdaContext);
    expect((await subscribe(body.path)).status).toBe(404);
    const { Items = [] } = await documentClient().send(
      new QueryCommand({ TableName: process.env.ACTIVITIES_TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `VOL#${owner.userId}` } }),
    );
    expect(Items.map((i) => [i.sk, i.active])).toEqual([['FEEDS', 0]]);
  });
});
