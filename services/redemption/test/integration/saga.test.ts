import { describe, expect, it } from 'vitest';
import { redemptionConsumer } from '../../src/events/consumer';
import { handler as expire } from '../../src/handlers/redemptionExpiry';
import { deliver, held, holdUntil, ledger, outboxFor, requested, shop, stockOf, typesIn } from './support';

const HOUR_MS = 3600_000;

describe('the redemption saga', () => {
  it('runs from request to completed, taking the stock once', async () => {
    const { rewardId, asMerchant } = await shop(3);
    const { r, read } = await requested(rewardId);
    expect(r).toMatchObject({ status: 'pending', points: 120, merchantName: '测试商户', rewardTitle: '大米' });
    expect(await stockOf(rewardId)).toBe(2);
    const [request] = await outboxFor(r.redemptionId);
    expect(request?.data).toMatchObject({ redemptionId: r.redemptionId, points: 120, rewardId });
    expect(Date.parse(request?.data.holdExpiresAt as string) - Date.parse(r.createdAt)).toBe(17 * 60_000);

    await deliver(ledger.placed(r, request?.data.holdExpiresAt as string));
    const held = (await read()).body;
    expect(held).toMatchObject({ status: 'held', code: expect.stringMatching(/^\d{8}$/) });
    expect(Date.parse(held.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect((await asMerchant('GET', `/redemptions/${r.redemptionId}`)).body).not.toHaveProperty('code');

    const confirmedRes = await asMerchant('POST', '/redemptions/confirm', { body: { code: held.code } });
    expect(confirmedRes.status).toBe(200);
    expect(confirmedRes.body).toMatchObject({ redemptionId: r.redemptionId, status: 'confirmed' });
    expect(confirmedRes.body).not.toHaveProperty('code');
    expect(typesIn(await outboxFor(r.redemptionId))).toEqual(['RedemptionConfirmed', 'RedemptionRequested']);

    await deliver(ledger.posted(r));
    const done = (await read()).body;
    expect(done.status).toBe('completed');
    expect(done).not.toHaveProperty('code');
    expect(await stockOf(rewardId)).toBe(2);
  });

  it('fails a rejected hold and puts the stock back', async () => {
    const { rewardId } = await shop(3);
    const { r, read } = await requested(rewardId);
    expect(await stockOf(rewardId)).toBe(2);
    await deliver(ledger.rejected(r.redemptionId));
    expect((await read()).body).toMatchObject({ status: 'failed', failureReason: 'INSUFFICIENT_POINTS' });
    expect(await stockOf(rewardId)).toBe(3);
  });

  it('expires an unconfirmed code, tells the ledger once, and returns the stock once the hold is voided', async () => {
    const { rewardId, asMerchant } = await shop(3);
    // The hold was placed an hour ago (by the consumer's clock), so the code is long past.
    const anHourAgo = redemptionConsumer(() => new Date(Date.now() - HOUR_MS));
    const { r, read, code } = await held(rewardId, anHourAgo);
    expect((await asMerchant('POST', '/redemptions/confirm', { body: { code } })).body.error.code).toBe('CODE_EXPIRED');

    // Only this test holds codes that are already due, so the sweeps' counts are exact.
    expect(await expire()).toEqual({ expired: 1 });
    expect((await read()).body).toMatchObject({ status: 'expired' });
    expect((await read()).body).not.toHaveProperty('code');
    expect(await expire()).toEqual({ expired: 0 });
    expect(typesIn(await outboxFor(r.redemptionId))).toEqual(['RedemptionExpired', 'RedemptionRequested']);
    expect(await stockOf(rewardId)).toBe(2);

    const voided = ledger.voided(r.redemptionId);
    await deliver(voided);
    expect(await stockOf(rewardId)).toBe(3);
    await deliver(voided);
    await deliver(ledger.voided(r.redemptionId));
    expect(await stockOf(rewardId)).toBe(3);
    expect((await asMerchant('POST', '/redemptions/confirm', { body: { code } })).status).toBe(410);
  });

  it('changes nothing when every ledger answer arrives twice', async () => {
    const { rewardId, asMerchant } = await shop(3);
    const twice = async (e: Parameters<typeof deliver>[0]) => {
      await deliver(e);
      await deliver(e);
    };
    const rejected = await requested(rewardId);
    await twice(ledger.rejected(rejected.r.redemptionId));
    expect(await stockOf(rewardId)).toBe(3);

    const { r, read } = await requested(rewardId);
    const placed = ledger.placed(r, holdUntil());
    await twice(placed);
    const shown = (await read()).body;
    await deliver(ledger.placed(r, holdUntil()));
    expect((await read()).body).toEqual(shown);
    expect((await asMerchant('POST', '/redemptions/confirm', { body: { code: shown.code } })).status).toBe(200);
    await twice(ledger.posted(r));
    expect((await read()).body.status).toBe('completed');
    await twice(ledger.voided(r.redemptionId));
    expect((await read()).body.status).toBe('completed');
    expect(await stockOf(rewardId)).toBe(2);
    expect(typesIn(await outboxFor(r.redemptionId))).toEqual(['RedemptionConfirmed', 'RedemptionRequested']);
  });

  it('tolerates answers out of order: a void before the hold ends it, the late hold changes nothing', async () => {
    const { rewardId } = await shop(3);
    const { r, read } = await requested(rewardId);
    await deliver(ledger.voided(r.redemptionId));
    expect((await read()).body).toMatchObject({ status: 'expired' });
    await deliver(ledger.placed(r, holdUntil()));
    expect((await read()).body).toMatchObject({ status: 'expired' });
    expect((await read()).body).not.toHaveProperty('code');
    expect(await stockOf(rewardId)).toBe(3);
  });

  it('throws (so the bus retries) for an unknown redemption and for a post before the confirmation', async () => {
    await expect(deliver(ledger.rejected('rdm_unknown'))).rejects.toThrow(/not known/);
    const { rewardId } = await shop(3);
    const { r, read } = await requested(rewardId);
    await expect(deliver(ledger.posted(r))).rejects.toThrow(/HoldPosted before/);
    expect((await read()).body.status).toBe('pending');
  });
});
