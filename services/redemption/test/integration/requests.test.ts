import { describe, expect, it } from 'vitest';
import { idFromKey, newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { redeemReward } from '../../src/app/redeemReward';
import { seedRedemption } from '../../src/app/seed';
import { app, held, outboxFor, redeem, requested, shop, stockOf, typesIn, volunteer } from './support';

describe('requesting a redemption', () => {
  it('reserves one unit and answers 202 pending with a RedemptionRequested in the outbox', async () => {
    const { rewardId, merchantId } = await shop(2);
    const who = volunteer();
    const key = newId('key');
    const res = await redeem(who, rewardId, key);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      redemptionId: idFromKey('rdm', who.userId, key), rewardId, merchantId, volunteerId: who.userId, status: 'pending',
    });
    expect(res.body).not.toHaveProperty('code');
    expect(await stockOf(rewardId)).toBe(1);
    const [event] = await outboxFor(res.body.redemptionId);
    expect(event?.data).toMatchObject({ volunteerId: who.userId, merchantId, rewardId, points: 120 });
  });

  it('answers 409 OUT_OF_STOCK and writes nothing when the stock is gone', async () => {
    const { rewardId } = await shop(0);
    const who = volunteer();
    const key = newId('key');
    const res = await redeem(who, rewardId, key);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('OUT_OF_STOCK');
    const redemptionId = idFromKey('rdm', who.userId, key);
    expect((await caller(app, who)('GET', `/redemptions/${redemptionId}`)).status).toBe(404);
    expect(await outboxFor(redemptionId)).toEqual([]);
    expect(await stockOf(rewardId)).toBe(0);
  });

  it('gives the last units to as many volunteers as there are units', async () => {
    const { rewardId } = await shop(3);
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => redeem(volunteer(), rewardId)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(await stockOf(rewardId)).toBe(0);
  });

  it('replays the first answer for the same key, reserving once; another body with it is 422', async () => {
    const { rewardId } = await shop(5);
    const who = volunteer();
    const key = newId('key');
    const first = await redeem(who, rewardId, key);
    const again = await redeem(who, rewardId, key);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await stockOf(rewardId)).toBe(4);
    expect(typesIn(await outboxFor(first.body.redemptionId))).toEqual(['RedemptionRequested']);
    const other = await redeem(who, rewardId, key, { note: 'another body' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lands a retry on the same redemption even without the idempotency record', async () => {
    const { rewardId } = await shop(5);
    const attempt = { volunteer: volunteer(), idempotencyKey: newId('key') };
    const first = await redeemReward({ ...attempt, rewardId }, new Date());
    const retry = await redeemReward({ ...attempt, rewardId }, new Date());
    expect(retry).toEqual(first);
    expect(await stockOf(rewardId)).toBe(4);
    const elsewhere = await shop(5);
    await expect(redeemReward({ ...attempt, rewardId: elsewhere.rewardId }, new Date())).rejects.toMatchObject({ status: 422 });
    expect(await stockOf(elsewhere.rewardId)).toBe(5);
  });

  it('answers 404 REWARD_NOT_FOUND, 400 for malformed JSON, 400 without a key, 403 for non-volunteers', async () => {
    const who = volunteer();
    const missing = await redeem(who, 'r-nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('REWARD_NOT_FOUND');
    const { rewardId } = await shop(5);
    const malformed = await caller(app, who)('POST', `/rewards/${rewardId}/redemptions`, { rawBody: '{', idempotencyKey: newId('key') });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    expect((await caller(app, who)('POST', `/rewards/${rewardId}/redemptions`, { body: {} })).status).toBe(400);
    expect((await redeem(person({ roles: ['organizer'] }), rewardId)).status).toBe(403);
    expect(await stockOf(rewardId)).toBe(5);
  });
});

describe('reading redemptions', () => {
  it('shows a redemption to its volunteer (with the code) and its shop (without), and to nobody else', async () => {
    const { rewardId, merchant } = await shop();
    const { r, code, who } = await held(rewardId);
    const path = `/redemptions/${r.redemptionId}`;
    expect((await caller(app, who)('GET', path)).body).toMatchObject({ status: 'held', code });
    const forShop = await caller(app, merchant)('GET', path);
    expect(forShop.status).toBe(200);
    expect(forShop.body).not.toHaveProperty('code');
    expect((await caller(app, volunteer())('GET', path)).status).toBe(404);
    expect((await caller(app, (await shop()).merchant)('GET', path)).status).toBe(404);
    expect((await caller(app, person({ roles: ['organizer'] }))('GET', path)).status).toBe(403);
    expect((await caller(app)('GET', path)).status).toBe(401);
  });

  it("lists a volunteer's own and a shop's redemptions, newest first", async () => {
    const a = await shop();
    const b = await shop();
    const who = volunteer();
    const first = await redeem(who, a.rewardId);
    const second = await redeem(who, b.rewardId);
    const someoneElse = await requested(a.rewardId);
    const mine = await caller(app, who)('GET', '/me/redemptions');
    expect(mine.body.items.map((i: { redemptionId: string }) => i.redemptionId)).toEqual([second.body.redemptionId, first.body.redemptionId]);
    const shopA = await caller(app, a.merchant)('GET', '/me/redemptions');
    expect(shopA.body.items.map((i: { redemptionId: string }) => i.redemptionId)).toEqual([someoneElse.r.redemptionId, first.body.redemptionId]);
    expect((await caller(app, person({ roles: ['organizer'] }))('GET', '/me/redemptions')).status).toBe(403);
  });
});

describe('rewards', () => {
  it("lists a shop's rewards through the index, with the shop's name", async () => {
    const { merchantId, rewardId } = await shop(7);
    const res = await caller(app, volunteer())('GET', `/rewards?merchantId=${merchantId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ rewardId, merchantId, merchantName: '测试商户', title: '大米', titleEn: 'Rice', points: 120, stock: 7 }]);
    const all = await caller(app, volunteer())('GET', '/rewards');
    expect(all.body.items.map((i: { rewardId: string }) => i.rewardId)).toContain(rewardId);
    expect((await caller(app)('GET', '/rewards')).status).toBe(401);
  });

  it('seeds idempotently: seeding again keeps the live stock', async () => {
    const { rewardId, merchantId } = await shop(5);
    await redeem(volunteer(), rewardId);
    await seedRedemption({
      alliance: { allianceId: newId('al'), name: '联盟', nameEn: 'Alliance', pointValueFen: 10 },
      merchants: [{ merchantId, name: '改名商户', nameEn: 'Renamed shop', kind: 'supermarket', gridId: 'g-test', address: '测试路1号' }],
      rewards: [{ rewardId, merchantId, title: '大米', titleEn: 'Rice', points: 120, stock: 5 }],
    });
    const [reward] = (await caller(app, volunteer())('GET', `/rewards?merchantId=${merchantId}`)).body.items;
    expect(reward).toMatchObject({ stock: 4, merchantName: '改名商户' });
  });

  it('documents every route in the OpenAPI document', async () => {
    const res = await caller(app)('GET', '/redemption/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).sort()).toEqual([
      '/me/redemptions', '/redemptions/confirm', '/redemptions/{redemptionId}', '/rewards', '/rewards/{rewardId}/redemptions',
    ]);
  });
  it('names one policy action per route', async () => {
    const { paths } = (await caller(app)('GET', '/redemption/openapi.json')).body;
    const actions = Object.fromEntries(
      Object.entries(paths as Record<string, Record<string, { 'x-action': string }>>).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op['x-action']]),
      ),
    );
    expect(actions).toEqual({
      'GET /rewards': 'reward.list',
      'POST /rewards/{rewardId}/redemptions': 'reward.redeem',
      'GET /redemptions/{redemptionId}': 'redemption.read',
      'GET /me/redemptions': 'redemption.listOwn',
      'POST /redemptions/confirm': 'redemption.confirm',
    });
  });
});
