import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { statsShards } from '../../src/store/stats';
import { listWishes } from '../../src/store/wishes';
import { freshDistrict, outboxEvents, volunteer } from '../support/fixtures';

const app = createApp();

const wishBody = (gridId: string, overrides: Record<string, unknown> = {}) => ({
  title: '帮忙修水龙头',
  description: '厨房水龙头漏水,家中只有老人。',
  gridId,
  address: '湖滨路18号3栋',
  wantedBy: '2026-12-01',
  contactName: '张三',
  contactPhone: '13812345678',
  ...overrides,
});

/** A fresh district with a resident's wish, approved unless asked otherwise. */
const postedWish = async (approve = true) => {
  const d = await freshDistrict();
  const resident = volunteer();
  const posted = await caller(app, resident)('POST', '/wishes', { body: wishBody(d.grid.gridId) });
  expect(posted.status).toBe(201);
  const wishId = posted.body.wishId as string;
  if (approve) expect((await caller(app, d.organizer)('POST', `/wishes/${wishId}/approve`, { body: {} })).status).toBe(200);
  return { d, resident, wishId, path: (action: string) => `/wishes/${wishId}/${action}` };
};

describe('micro-wishes over HTTP', () => {
  it('runs the whole flow to confirmed and puts WishFulfilled in the outbox', async () => {
    const { d, resident, wishId, path } = await postedWish();
    const helper = volunteer();
    const claimed = await caller(app, helper)('POST', path('claim'), { body: {}, idempotencyKey: 'c1' });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', claimedBy: helper.userId, contactPhone: '13812345678' });
    const replay = await caller(app, helper)('POST', path('claim'), { body: {}, idempotencyKey: 'c1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const done = await caller(app, helper)('POST', path('fulfil'), { body: { note: '更换了阀芯', minutes: 50 } });
    expect(done.body).toMatchObject({ status: 'fulfilled', minutes: 50 });
    const confirmed = await caller(app, resident)('POST', path('confirm'), { body: {} });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    const fulfilled = await outboxEvents('WishFulfilled.v1', (data) => data.wishId === wishId);
    expect(fulfilled.map((e) => e.data)).toEqual([
      {
        wishId,
        volunteerId: helper.userId,
        gridId: d.grid.gridId,
        communityId: d.communityId,
        minutes: 50,
        confirmedAt: confirmed.body.confirmedAt,
        orgIds: [d.org.orgId],
        postedBy: resident.userId,
        claimedBy: helper.userId,
      },
    ]);
    expect(await outboxEvents('WishClaimed.v1', (data) => data.wishId === wishId)).toHaveLength(1);
    // Counted once for the dashboards, however often the resident confirms.
    expect((await caller(app, resident)('POST', path('confirm'), { body: {} })).status).toBe(409);
    const shards = await statsShards({ gridId: d.grid.gridId });
    expect(shards.reduce((n, s) => n + (s.wishesFulfilled ?? 0), 0)).toBe(1);
  });

  it('lists by grid, community and status through the indexes', async () => {
    const { d, wishId } = await postedWish();
    const poster = volunteer();
    const pending = await caller(app, poster)('POST', '/wishes', { body: wishBody(d.otherGrid.gridId) });
    const call = caller(app, volunteer());
    expect((await call('GET', `/wishes?communityId=${d.communityId}`)).body.items.map((w: { wishId: string }) => w.wishId)).toEqual([wishId]);
    const review = await caller(app, poster)('GET', `/wishes?communityId=${d.communityId}&status=pending_review`);
    expect(review.body.items.map((w: { wishId: string }) => w.wishId)).toEqual([pending.body.wishId]);
    expect((await call('GET', '/wishes')).status).toBe(400);
  });

  it('refuses the wrong state and the wrong person', async () => {
    const { d, resident, path } = await postedWish(false);
    const early = await caller(app, volunteer())('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('WISH_NOT_OPEN');
    const otherOrganizer = person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] });
    expect((await caller(app, otherOrganizer)('POST', path('approve'), { body: {} })).status).toBe(403);
    expect((await caller(app, volunteer())('POST', path('reject'), { body: { reason: '不' } })).status).toBe(403);
    await caller(app, d.organizer)('POST', path('approve'), { body: {} });
    const helper = volunteer();
    await caller(app, helper)('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    const second = await caller(app, volunteer())('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    expect(second.body.error.code).toBe('WISH_NOT_OPEN');
    expect((await caller(app, volunteer())('POST', path('fulfil'), { body: { note: '好', minutes: 30 } })).status).toBe(403);
    const tooSoon = await caller(app, resident)('POST', path('confirm'), { body: {} });
    expect(tooSoon.body.error.code).toBe('WISH_NOT_FULFILLED');
    await caller(app, helper)('POST', path('fulfil'), { body: { note: '好', minutes: 30 } });
    expect((await caller(app, helper)('POST', path('confirm'), { body: {} })).status).toBe(403);
  });

  it('lets exactly one of ten racing volunteers claim a wish', async () => {
    const { wishId, path } = await postedWish();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => caller(app, volunteer())('POST', path('claim'), { body: {}, idempotencyKey: `race-${i}` })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'WISH_NOT_OPEN')).toHaveLength(9);
    expect(await outboxEvents('WishClaimed.v1', (data) => data.wishId === wishId)).toHaveLength(1);
  });

  it('rejects a wish with a reason', async () => {
    const { d, path } = await postedWish(false);
    const rejected = await caller(app, d.organizer)('POST', path('reject'), { body: { reason: '请联系物业处理' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '请联系物业处理' });
    const noReason = await caller(app, d.organizer)('POST', path('reject'), { body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('reason');
  });

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    const d = await freshDistrict();
    const call = caller(app, volunteer());
    const longTitle = await call('POST', '/wishes', { body: wishBody(d.grid.gridId, { title: '长'.repeat(61) }) });
    expect(longTitle.status).toBe(400);
    expect(longTitle.body.error.fields).toHaveProperty('title');
    const noPhone = await call('POST', '/wishes', { body: wishBody(d.grid.gridId, { contactPhone: undefined }) });
    expect(noPhone.body.error.fields).toHaveProperty('contactPhone');
    const badDate = await call('POST', '/wishes', { body: wishBody(d.grid.gridId, { wantedBy: 'soon' }) });
    expect(badDate.body.error.fields).toHaveProperty('wantedBy');
    const unknownGrid = await call('POST', '/wishes', { body: wishBody('g-nope') });
    expect(unknownGrid.status).toBe(404);
    expect(await listWishes({ gridId: d.grid.gridId }, 'pending_review')).toEqual([]);

    const { path } = await postedWish();
    const helper = volunteer();
    await caller(app, helper)('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    const tooLong = await caller(app, helper)('POST', path('fulfil'), { body: { note: '好', minutes: 481 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toHaveProperty('minutes');
    expect((await caller(app, helper)('GET', path('').slice(0, -1))).body.status).toBe('claimed');
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = await caller(app)('GET', '/activities/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/wishes', '/wishes/{wishId}', '/wishes/{wishId}/claim', '/wishes/{wishId}/confirm']));
    expect(doc.body.paths['/wishes/{wishId}/claim'].post.security).toEqual([{ bearer: [] }]);
  });
});
