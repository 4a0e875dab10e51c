/**
 * The ledger's append-only admin log (issue 10, item 7): every award, deduction, freeze and
 * policy change, with its actor, time, target, before and after. A private table, so
 * "newest first" is exactly this suite's entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { ledgerEvents } from '../../src/events/consumer';
import { createApp } from '../../src/http/app';
import { useFreshLedgerTable } from '../support/harness';
import { deliver, hoursVerified } from '../support/support';

const app = createApp();
const adminPerson = person({ roles: ['admin'] });
const admin = caller(app, adminPerson);

let restoreTable: () => void;
beforeAll(async () => {
  restoreTable = await useFreshLedgerTable('adminlog');
});
afterAll(() => restoreTable());

describe('GET /ledger/admin-log', () => {
  it('records awards, deductions, freezes and policy changes with before and after, newest first, in pages', async () => {
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 30));
    const award = await admin('POST', '/ledger/adjustments', { body: { kind: 'AWARD', userId: v.userId, amount: 12, reason: '表彰' }, idempotencyKey: newId('k') });
    expect(award.status).toBe(201);
    // A refused adjustment writes no entry.
    expect((await admin('POST', '/ledger/adjustments', { body: { kind: 'DEDUCT', userId: v.userId, amount: 400, reason: 'x' }, idempotencyKey: newId('k') })).status).toBe(409);
    expect((await admin('POST', '/ledger/adjustments', { body: { kind: 'DEDUCT', userId: v.userId, amount: 2, reason: '扣分' }, idempotencyKey: newId('k') })).status).toBe(201);
    expect((await admin('POST', `/ledger/accounts/user:${v.userId}/freeze`, { body: { reason: '一票否决' } })).status).toBe(200);
    const { version: _v, ...policy } = (await admin('GET', '/ledger/policy')).body;
    expect((await admin('PUT', '/ledger/policy', { body: { ...policy, dailyCap: 150 } })).status).toBe(200);

    const first = await admin('GET', '/ledger/admin-log?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const [policyEntry, freezeEntry] = first.body.items;
    expect(policyEntry).toMatchObject({ actor: adminPerson.userId, action: 'POLICY_CHANGE', target: 'policy' });
    expect(policyEntry.before).toMatchObject({ version: 1, dailyCap: 200 });
    expect(policyEntry.after).toMatchObject({ version: 2, dailyCap: 150 });
    expect(freezeEntry).toMatchObject({
      action: 'FREEZE', target: `user:${v.userId}`, reason: '一票否决',
      before: { frozen: false, available: 40 }, after: { frozen: true, available: 40 },
    });
    expect(first.body.cursor).toEqual(expect.any(String));

    const rest = await admin('GET', `/ledger/admin-log?limit=10&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(['DEDUCT', 'AWARD']);
    expect(rest.body.items[1]).toMatchObject({
      actor: adminPerson.userId, target: `user:${v.userId}`, amount: 12, reason: '表彰', transferId: award.body.transferId,
      before: { available: 30 }, after: { available: 42 },
    });
    expect(rest.body.items[0]).toMatchObject({ before: { available: 42 }, after: { available: 40 } });
    expect(rest.body.cursor).toBeUndefined();
    for (const e of [...first.body.items, ...rest.body.items]) expect(Date.parse(e.at)).not.toBeNaN();
  });

  it('is for admins only, and names a bad cursor or limit', async () => {
    const organizer = caller(app, person({ roles: ['organizer'], scopes: ['org:o'] }));
    expect((await organizer('GET', '/ledger/admin-log')).status).toBe(403);
    const bad = await admin('GET', '/ledger/admin-log?limit=0&cursor=x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('limit');
    expect(bad.body.error.fields).toHaveProperty('cursor');
  });
});
