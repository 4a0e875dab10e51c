import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { monthOf } from '../../src/domain/transparency';
import { ledgerEvents } from '../../src/events/consumer';
import { projector } from '../../src/events/projector';
import { createApp } from '../../src/http/app';
import { committedTransfers, deliver, hoursVerified, requested } from '../support/support';

const app = createApp();

const inCommunity = (userId: string, points: number, communityId: string) => {
  const e = hoursVerified(userId, points);
  return { ...e, data: { ...e.data, communityId } };
};

describe('GET /ledger/transparency', () => {
  it('aggregates issued, redeemed and corrected points per community once, with no personal data', async () => {
    const communityId = newId('c');
    const [a, b] = [person({ roles: ['volunteer'] }), person({ roles: ['volunteer'] })];
    await deliver(ledgerEvents, inCommunity(a.userId, 40, communityId));
    await deliver(ledgerEvents, inCommunity(b.userId, 25, communityId));
    const req = requested(a.userId, newId('m'), 30);
    await deliver(ledgerEvents, req);
    await deliver(ledgerEvents, events.RedemptionConfirmedV1.make({ redemptionId: req.data.redemptionId, merchantId: req.data.merchantId, confirmedBy: 'shop' }, 'redemption'));
    const admin = caller(app, person({ roles: ['admin'] }));
    expect((await admin('POST', '/ledger/adjustments', { body: { kind: 'DEDUCT', userId: b.userId, amount: 5, reason: '违规扣分' }, idempotencyKey: newId('k') })).status).toBe(201);

    // The projector builds the aggregates; each event twice, as a redelivering bus would.
    for (const userId of [a.userId, b.userId]) {
      for (const e of await committedTransfers(userId)) {
        await deliver(projector, e);
        await deliver(projector, e);
      }
    }
    const month = monthOf(new Date());
    const viewer = caller(app, person({ roles: ['volunteer'] }));
    const { status, body } = await viewer('GET', `/ledger/transparency?communityId=${communityId}&period=${month}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      period: month,
      communities: [{ communityId, issued: 65, redeemed: 30, expired: 0, corrected: 5 }],
      total: { issued: 65, redeemed: 30, expired: 0, corrected: 5 },
      awards: [],
      awardsByOrganisation: [],
    });
    expect(JSON.stringify(body)).not.toContain(a.userId);

    const year = (await viewer('GET', `/ledger/transparency?period=${month.slice(0, 4)}`)).body;
    expect(year.communities).toContainEqual({ communityId, issued: 65, redeemed: 30, expired: 0, corrected: 5 });
    expect(year.total.issued).toBeGreaterThanOrEqual(65);
  });

  it('names the field of a bad period and wants a signed-in caller', async () => {
    const bad = await caller(app, person({ roles: ['volunteer'] }))('GET', '/ledger/transparency?period=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('period');
    expect((await app.request('/ledger/transparency')).status).toBe(401);
  });
});
