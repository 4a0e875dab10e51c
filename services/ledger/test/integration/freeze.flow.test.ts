import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { createApp } from '../../src/http/app';
import { ledgerEvents } from '../../src/events/consumer';
import { getTransfer } from '../../src/store/transfers';
import { deliver, hoursVerified, outboxFor, outboxTypes, requested } from '../support/support';

const app = createApp();

const admin = caller(app, person({ roles: ['admin'] }));
const setFrozen = (userId: string, action: 'freeze' | 'unfreeze', reason = '一票否决: 违规') =>
  admin('POST', `/ledger/accounts/user:${userId}/${action}`, { body: { reason } });
const award = (userId: string, amount: number) =>
  admin('POST', '/ledger/adjustments', { body: { kind: 'AWARD', userId, amount, reason: 'x' }, idempotencyKey: newId('k') });

describe('freeze (一票否决)', () => {
  it('blocks earning, holds and awards until unfrozen, and audits both actions', async () => {
    const v = person({ roles: ['volunteer'] });
    const me = caller(app, v);
    await deliver(ledgerEvents, hoursVerified(v.userId, 50));
    const frozen = await setFrozen(v.userId, 'freeze');
    expect(frozen.status).toBe(200);
    expect(frozen.body).toMatchObject({ frozen: true, available: 50 });

    const earn = hoursVerified(v.userId, 20);
    await deliver(ledgerEvents, earn);
    expect(await getTransfer(`earn:${earn.data.hourLogId}`)).toMatchObject({ status: 'FAILED', failureReason: 'ACCOUNT_FROZEN' });
    const req = requested(v.userId, 'm-frozen', 10);
    await deliver(ledgerEvents, req);
    const rejected = (await outboxFor(req.data.redemptionId)).find((e) => e.type === 'HoldRejected');
    expect(rejected?.data).toMatchObject({ reason: 'ACCOUNT_FROZEN' });
    const refused = await award(v.userId, 5);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ACCOUNT_FROZEN');
    expect((await me('GET', '/me/points')).body).toMatchObject({ available: 50, held: 0, frozen: true });

    expect((await setFrozen(v.userId, 'freeze')).body.error.code).toBe('ACCOUNT_ALREADY_FROZEN');
    expect((await setFrozen(v.userId, 'unfreeze', '申诉成立')).body).toMatchObject({ frozen: false });
    await deliver(ledgerEvents, hoursVerified(v.userId, 20));
    expect((await award(v.userId, 5)).status).toBe(201);
    const later = requested(v.userId, 'm-frozen', 10);
    await deliver(ledgerEvents, later);
    expect(await outboxTypes(later.data.redemptionId)).toContain('HoldPlaced');
    expect((await me('GET', '/me/points')).body).toMatchObject({ available: 65, held: 10, frozen: false });

    const audit = (await outboxFor(`user:${v.userId}`)).filter((e) => e.type.startsWith('Account'));
    expect(audit.map((e) => [e.type, (e.data as { reason: string }).reason])).toEqual([
      ['AccountFrozen', '一票否决: 违规'],
      ['AccountUnfrozen', '申诉成立'],
    ]);
  });

  it('lets a hold placed before the freeze still be captured', async () => {
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 30));
    const req = requested(v.userId, 'm-inflight', 30);
    await deliver(ledgerEvents, req);
    await setFrozen(v.userId, 'freeze');
    await deliver(ledgerEvents, events.RedemptionConfirmedV1.make({ redemptionId: req.data.redemptionId, merchantId: 'm-inflight', confirmedBy: 'shop' }, 'redemption'));
    expect(await outboxTypes(req.data.redemptionId)).toContain('HoldPosted');
    expect((await caller(app, v)('GET', '/me/points')).body).toMatchObject({ available: 0, held: 0, posted: 0 });
  });

  it('needs an admin, a reason and a wallet', async () => {
    const v = person({ roles: ['volunteer'] });
    const self = await caller(app, v)('POST', `/ledger/accounts/user:${v.userId}/unfreeze`, { body: { reason: 'me' } });
    expect(self.status).toBe(403);
    const noReason = await admin('POST', `/ledger/accounts/user:${v.userId}/freeze`, { body: {} });
    expect(noReason.body.error.fields).toHaveProperty('reason');
    const shop = await admin('POST', '/ledger/accounts/merchant:m1/freeze', { body: { reason: 'x' } });
    expect(shop.body.error.fields).toHaveProperty('accountId');
    expect((await admin('GET', `/ledger/accounts/user:${v.userId}`)).body.frozen).toBe(false);
  });
});
