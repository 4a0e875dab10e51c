import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { createApp } from '../../src/http/app';
import { ledgerEvents } from '../../src/events/consumer';
import { projector } from '../../src/events/projector';
import { commitTransfer } from '../../src/app/commitTransfer';
import { committedTransfers, deliver, hoursVerified, outboxTypes, requested } from '../support/support';

const app = createApp();

describe('ledger over DynamoDB Local', () => {
  it('earns points once per verified hour log, however often the event is delivered', async () => {
    const v = person({ roles: ['volunteer'] });
    const e = hoursVerified(v.userId, 40);
    await deliver(ledgerEvents, e);
    await deliver(ledgerEvents, e);
    await deliver(ledgerEvents, { ...e, id: newId('evt') }); // a re-published copy with a new envelope id
    const call = caller(app, v);
    const { body } = await call('GET', '/me/points');
    expect(body).toMatchObject({ available: 40, held: 0, posted: 40, lifetimeEarned: 40 });
    const statement = await call('GET', '/me/points/transactions');
    expect(statement.body.items).toHaveLength(1);
    expect(statement.body.items[0]).toMatchObject({ seq: 1, kind: 'EARN', amount: 40, balanceAfter: 40 });
  });

  it('holds, posts to the merchant, and the projector moves the hot side once', async () => {
    const v = person({ roles: ['volunteer'] });
    const merchantId = newId('m');
    await deliver(ledgerEvents, hoursVerified(v.userId, 100));
    const req = requested(v.userId, merchantId, 60);
    await deliver(ledgerEvents, req);
    expect((await caller(app, v)('GET', '/me/points')).body).toMatchObject({ available: 40, held: 60 });
    expect(await outboxTypes(req.data.redemptionId)).toContain('HoldPlaced');

    const confirmed = events.RedemptionConfirmedV1.make({ redemptionId: req.data.redemptionId, merchantId, confirmedBy: 'shop' }, 'redemption');
    await deliver(ledgerEvents, confirmed);
    await deliver(ledgerEvents, confirmed);
    expect((await caller(app, v)('GET', '/me/points')).body).toMatchObject({ available: 40, held: 0, posted: 40 });
    expect(await outboxTypes(req.data.redemptionId)).toContain('HoldPosted');

    // Project the committed transfers for this merchant, each twice.
    for (const e of await committedTransfers(req.data.redemptionId)) {
      await deliver(projector, e);
      await deliver(projector, e);
    }
    const shop = person({ roles: ['merchant'], scopes: [`merchant:${merchantId}`] });
    const { body } = await caller(app, shop)('GET', `/ledger/accounts/merchant:${merchantId}`);
    expect(body).toMatchObject({ posted: 60, pendingIncoming: 0 });
  });

  it('rejects a hold beyond the spendable balance and keeps the rejection on replay', async () => {
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 10));
    const req = requested(v.userId, 'm-x', 50);
    await deliver(ledgerEvents, req);
    await deliver(ledgerEvents, req);
    expect((await caller(app, v)('GET', '/me/points')).body).toMatchObject({ available: 10, held: 0 });
    expect((await outboxTypes(req.data.redemptionId)).filter((t) => t === 'HoldRejected')).toHaveLength(1);
  });

  it('voids an expired redemption and refuses a late capture', async () => {
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 30));
    const req = requested(v.userId, 'm-y', 30, new Date(Date.now() + 300).toISOString());
    await deliver(ledgerEvents, req);
    await new Promise((r) => setTimeout(r, 400));
    await deliver(ledgerEvents, events.RedemptionConfirmedV1.make({ redemptionId: req.data.redemptionId, merchantId: 'm-y', confirmedBy: 'shop' }, 'redemption'));
    expect((await caller(app, v)('GET', '/me/points')).body).toMatchObject({ available: 30, held: 0, posted: 30 });
    const types = await outboxTypes(req.data.redemptionId);
    expect(types).toContain('HoldVoided');
    expect(types).not.toContain('HoldPosted');
  });

  it('refuses a transfer id replayed with another payload', async () => {
    const v = person({ roles: ['volunteer'] });
    const cmd = { transferId: `earn:${newId('hl')}`, kind: 'EARN' as const, debitAccount: 'sys:issuance', creditAccount: `user:${v.userId}`, amount: 5, memo: '' };
    expect(await commitTransfer(cmd, 'credit', () => [])).toMatchObject({ status: 'COMMITTED', replayed: false });
    expect(await commitTransfer(cmd, 'credit', () => [])).toMatchObject({ status: 'COMMITTED', replayed: true });
    await expect(commitTransfer({ ...cmd, amount: 6 }, 'credit', () => [])).rejects.toMatchObject({ code: 'TRANSFER_ID_REUSED' });
  });

  it('keeps a wallet from going below zero under concurrent holds', async () => {
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 100));
    await Promise.all(Array.from({ length: 12 }, () => deliver(ledgerEvents, requested(v.userId, 'm-z', 30))));
    const { body } = await caller(app, v)('GET', '/me/points');
    expect(body).toMatchObject({ available: 10, held: 90 });
    const statement = await caller(app, v)('GET', '/me/points/transactions?limit=100');
    expect(statement.body.items.map((i: { seq: number }) => i.seq)).toEqual([4, 3, 2, 1]);
  });

  it('answers 401 without a token and 403 for another person\'s account', async () => {
    expect((await caller(app)('GET', '/me/points')).status).toBe(401);
    const v = person({ roles: ['volunteer'] });
    const res = await caller(app, v)('GET', '/ledger/accounts/user:someone-else');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('serves its OpenAPI document', async () => {
    const { status, body } = await caller(app)('GET', '/ledger/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining([
      '/me/points', '/me/points/transactions', '/ledger/accounts/{accountId}', '/ledger/accounts/{accountId}/entries',
      '/ledger/accounts/{accountId}/freeze', '/ledger/accounts/{accountId}/unfreeze', '/ledger/adjustments', '/ledger/policy',
    ]));
    expect(Object.keys(body.paths['/ledger/policy'])).toEqual(expect.arrayContaining(['get', 'put']));
  });
});
