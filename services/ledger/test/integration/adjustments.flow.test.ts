import { describe, expect, it } from 'vitest';
import { idFromKey, newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { createApp } from '../../src/http/app';
import { ledgerEvents } from '../../src/events/consumer';
import { projector } from '../../src/events/projector';
import { getTransfer } from '../../src/store/transfers';
import { committedTransfers, deliver, hoursVerified } from '../support/support';

const app = createApp();

const admin = person({ roles: ['admin'] });
const asAdmin = caller(app, admin);
const adjust = (body: unknown, key = newId('key')) => asAdmin('POST', '/ledger/adjustments', { body, idempotencyKey: key });
const transferIdOf = (key: string) => `adj:${idFromKey('adj', admin.userId, key)}`;
const pointsOf = async (userId: string) => (await asAdmin('GET', `/ledger/accounts/user:${userId}`)).body;

describe('adjustments (积分制)', () => {
  it('awards with a reason once per Idempotency-Key, and shows the reason in the statement', async () => {
    const v = person({ roles: ['volunteer'] });
    const key = newId('key');
    const body = { kind: 'AWARD', userId: v.userId, amount: 25, reason: '抗洪抢险表彰' };
    const first = await adjust(body, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ transferId: transferIdOf(key), kind: 'AWARD', accountId: `user:${v.userId}`, amount: 25, reason: '抗洪抢险表彰' });
    const again = await adjust(body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await pointsOf(v.userId)).toMatchObject({ available: 25, lifetimeEarned: 0 });
    const { body: statement } = await caller(app, v)('GET', '/me/points/transactions');
    expect(statement.items).toHaveLength(1);
    expect(statement.items[0]).toMatchObject({ kind: 'AWARD', amount: 25, memo: '抗洪抢险表彰' });
    expect(await getTransfer(transferIdOf(key))).toMatchObject({ reason: '抗洪抢险表彰', by: admin.userId, debitAccount: 'sys:issuance' });
  });

  it('deducts into sys:reversals, which the projector applies', async () => {
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 30));
    const res = await adjust({ kind: 'DEDUCT', userId: v.userId, amount: 12, reason: '虚报时长' });
    expect(res.status).toBe(201);
    expect(await pointsOf(v.userId)).toMatchObject({ available: 18, posted: 18 });
    const [committed] = await committedTransfers(res.body.transferId);
    expect(committed!.data).toMatchObject({ kind: 'DEDUCT', creditAccount: 'sys:reversals', amount: 12 });
    const before = (await asAdmin('GET', '/ledger/accounts/sys:reversals')).body.posted;
    await deliver(projector, committed!);
    await deliver(projector, committed!);
    expect((await asAdmin('GET', '/ledger/accounts/sys:reversals')).body.posted).toBe(before + 12);
  });

  it('refuses a deduction beyond the spendable balance and writes nothing', async () => {
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 10));
    const key = newId('key');
    const res = await adjust({ kind: 'DEDUCT', userId: v.userId, amount: 11, reason: 'too much' }, key);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INSUFFICIENT_POINTS', fields: { amount: expect.any(String) } });
    expect(await getTransfer(transferIdOf(key))).toBeUndefined();
    expect(await pointsOf(v.userId)).toMatchObject({ available: 10, posted: 10 });
    expect((await caller(app, v)('GET', '/me/points/transactions')).body.items).toHaveLength(1);
  });

  it('answers 400 naming the field, 403 for non-admins, and needs an Idempotency-Key', async () => {
    const v = person({ roles: ['volunteer'] });
    const noReason = await adjust({ kind: 'AWARD', userId: v.userId, amount: 5, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('reason');
    const fractional = await adjust({ kind: 'AWARD', userId: v.userId, amount: 1.5, reason: 'x' });
    expect(fractional.body.error.fields).toHaveProperty('amount');
    const organizer = caller(app, person({ roles: ['organizer'] }));
    const body = { kind: 'AWARD', userId: v.userId, amount: 5, reason: 'x' };
    expect((await organizer('POST', '/ledger/adjustments', { body, idempotencyKey: newId('k') })).status).toBe(403);
    expect((await asAdmin('POST', '/ledger/adjustments', { body })).status).toBe(400);
    expect(await pointsOf(v.userId)).toMatchObject({ available: 0 });
  });

  it('reverses part of an earn, never more than the original in total', async () => {
    const v = person({ roles: ['volunteer'] });
    const e = hoursVerified(v.userId, 40);
    await deliver(ledgerEvents, e);
    const original = `earn:${e.data.hourLogId}`;
    const first = await adjust({ kind: 'REVERSAL', originalTransferId: original, amount: 30, reason: '核减' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'REVERSAL', originalTransferId: original, accountId: `user:${v.userId}` });
    const tooMuch = await adjust({ kind: 'REVERSAL', originalTransferId: original, amount: 11, reason: '核减' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: 'REVERSAL_EXCEEDS_ORIGINAL', fields: { amount: expect.any(String) } });
    expect((await adjust({ kind: 'REVERSAL', originalTransferId: original, amount: 10, reason: '核减' })).status).toBe(201);
    expect(await pointsOf(v.userId)).toMatchObject({ available: 0, lifetimeEarned: 40 });
    const unknown = await adjust({ kind: 'REVERSAL', originalTransferId: 'earn:nope', amount: 1, reason: 'x' });
    expect(unknown.status).toBe(404);
    const ofReversal = await adjust({ kind: 'REVERSAL', originalTransferId: first.body.transferId, amount: 1, reason: 'x' });
    expect(ofReversal.body.error.code).toBe('NOT_REVERSIBLE');
  });

  it('never lets concurrent partial reversals exceed the original together', async () => {
    const v = person({ roles: ['volunteer'] });
    const e = hoursVerified(v.userId, 30);
    await deliver(ledgerEvents, e);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => adjust({ kind: 'REVERSAL', originalTransferId: `earn:${e.data.hourLogId}`, amount: 10, reason: '并发核减' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'REVERSAL_EXCEEDS_ORIGINAL')).toBe(true);
    expect(await pointsOf(v.userId)).toMatchObject({ available: 0, posted: 0 });
  });

  it('refuses a reversal that would take the wallet below zero', async () => {
    const v = person({ roles: ['volunteer'] });
    const e = hoursVerified(v.userId, 20);
    await deliver(ledgerEvents, e);
    await adjust({ kind: 'DEDUCT', userId: v.userId, amount: 15, reason: 'spent elsewhere' });
    const res = await adjust({ kind: 'REVERSAL', originalTransferId: `earn:${e.data.hourLogId}`, amount: 20, reason: 'x' });
    expect(res.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(await pointsOf(v.userId)).toMatchObject({ available: 5 });
  });

  it('pages through an account entry chain', async () => {
    const v = person({ roles: ['volunteer'] });
    for (let i = 1; i <= 5; i++) await adjust({ kind: 'AWARD', userId: v.userId, amount: i, reason: `r${i}` });
    const me = caller(app, v);
    const seqs: number[] = [];
    let cursor: string | undefined;
    do {
      const { status, body } = await me('GET', `/ledger/accounts/user:${v.userId}/entries?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seqs.push(...body.items.map((i: { seq: number }) => i.seq));
      cursor = body.cursor;
    } while (cursor);
    expect(seqs).toEqual([5, 4, 3, 2, 1]);
    expect((await caller(app, person({ roles: ['volunteer'] }))('GET', `/ledger/accounts/user:${v.userId}/entries`)).status).toBe(403);
  });

  it('lets an organizer award from their own budget, never beyond it', async () => {
    const orgId = newId('org');
    const v = person({ roles: ['volunteer'] });
    const organizer = caller(app, person({ roles: ['organizer'], scopes: [`org:${orgId}`] }));
    const award = (amount: number, as = organizer) =>
      as('POST', '/ledger/adjustments', { body: { kind: 'AWARD', userId: v.userId, amount, reason: '优秀志愿者', orgId }, idempotencyKey: newId('k') });
    expect((await award(5)).body.error.code).toBe('BUDGET_EXHAUSTED');
    const funded = await adjust({ kind: 'FUND_BUDGET', orgId, amount: 30, reason: '季度预算' });
    expect(funded.body).toMatchObject({ kind: 'FUND_BUDGET', accountId: `org:${orgId}:budget`, amount: 30 });
    expect((await award(20)).status).toBe(201);
    const exhausted = await award(11);
    expect(exhausted.status).toBe(409);
    expect(exhausted.body.error).toMatchObject({ code: 'BUDGET_EXHAUSTED', fields: { amount: expect.any(String) } });
    expect((await organizer('GET', `/ledger/accounts/org:${orgId}:budget`)).body).toMatchObject({ available: 10, posted: 10 });
    expect(await pointsOf(v.userId)).toMatchObject({ available: 20 });
    const budgetEntries = (await organizer('GET', `/ledger/accounts/org:${orgId}:budget/entries`)).body.items;
    expect(budgetEntries.map((e: { amount: number }) => e.amount)).toEqual([-20, 30]);
    const stranger = caller(app, person({ roles: ['organizer'], scopes: ['org:other'] }));
    expect((await award(1, stranger)).status).toBe(403);
    const noBudget = await organizer('POST', '/ledger/adjustments', { body: { kind: 'AWARD', userId: v.userId, amount: 1, reason: 'x' }, idempotencyKey: newId('k') });
    expect(noBudget.status).toBe(403);
    expect(await pointsOf(v.userId)).toMatchObject({ available: 20 });
  });
});
