/**
 * The holes an insider could use to mint points (issue 10, item 6): awarding oneself,
 * awards beyond the caps or beyond the policy's maximum, and awards nobody can see in the
 * transparency figures. A private table: these tests change the policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import type { Principal } from '@lianxin/shared/auth/principal';
import { caller, person } from '@lianxin/shared/testing';
import { ledgerEvents } from '../../src/events/consumer';
import { projector } from '../../src/events/projector';
import { monthOf } from '../../src/domain/transparency';
import { createApp } from '../../src/http/app';
import { useFreshLedgerTable } from '../support/harness';
import { committedTransfers, deliver, hoursVerified } from '../support/support';

const app = createApp();
const adminPerson = person({ roles: ['admin'] });
const admin = caller(app, adminPerson);

let restoreTable: () => void;
beforeAll(async () => {
  restoreTable = await useFreshLedgerTable('insider');
});
afterAll(() => restoreTable());

const adjust = (as: Principal, body: Record<string, unknown>) =>
  caller(app, as)('POST', '/ledger/adjustments', { body, idempotencyKey: newId('k') });
const available = async (userId: string) => (await admin('GET', `/ledger/accounts/user:${userId}`)).body.available;
const fundedOrg = async (amount = 1000) => {
  const orgId = newId('org');
  expect((await adjust(adminPerson, { kind: 'FUND_BUDGET', orgId, amount, reason: '预算' })).status).toBe(201);
  return { orgId, organizer: person({ roles: ['organizer', 'volunteer'], scopes: [`org:${orgId}`] }) };
};
const policyNow = async () => {
  const { version: _v, ...rest } = (await admin('GET', '/ledger/policy')).body;
  return rest;
};

describe('no self-awards', () => {
  it('refuses an organizer awarding budget points to themself with 403 SELF_AWARD, and writes nothing', async () => {
    const { orgId, organizer } = await fundedOrg();
    const res = await adjust(organizer, { kind: 'AWARD', userId: organizer.userId, amount: 10, reason: '自评优秀', orgId });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'SELF_AWARD', fields: { userId: expect.any(String) } });
    expect(await available(organizer.userId)).toBe(0);
    expect((await admin('GET', `/ledger/accounts/org:${orgId}:budget`)).body.available).toBe(1000);
  });

  it('refuses an admin awarding their own wallet too', async () => {
    const res = await adjust(adminPerson, { kind: 'AWARD', userId: adminPerson.userId, amount: 10, reason: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('SELF_AWARD');
    expect(await available(adminPerson.userId)).toBe(0);
  });
});

describe('awards count against the caps', () => {
  it('refuses an award beyond what is left today with 409 CAP_REACHED naming amount, and earns after it are clipped', async () => {
    const { dailyCap } = await policyNow();
    const v = person({ roles: ['volunteer'] });
    await deliver(ledgerEvents, hoursVerified(v.userId, 50));
    const { orgId, organizer } = await fundedOrg(dailyCap * 2);
    const over = await adjust(organizer, { kind: 'AWARD', userId: v.userId, amount: dailyCap - 49, reason: '表彰', orgId });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'CAP_REACHED', fields: { amount: expect.stringContaining(String(dailyCap - 50)) } });
    expect(await available(v.userId)).toBe(50);
    expect((await adjust(adminPerson, { kind: 'AWARD', userId: v.userId, amount: dailyCap - 60, reason: '表彰' })).status).toBe(201);
    const earn = hoursVerified(v.userId, 30);
    await deliver(ledgerEvents, earn);
    // 10 points were left under today's cap: the earn is clipped to them.
    expect(await available(v.userId)).toBe(dailyCap);
  });
});

describe('every amount has a maximum from the policy', () => {
  it('refuses an award or deduction above maxAdjustment with 400 naming amount; admins set it, validated', async () => {
    const v = person({ roles: ['volunteer'] });
    const policy = await policyNow();
    expect(policy.maxAdjustment).toBe(500);
    const tooBig = await adjust(adminPerson, { kind: 'AWARD', userId: v.userId, amount: 501, reason: 'x' });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.fields).toHaveProperty('amount');
    const deduct = await adjust(adminPerson, { kind: 'DEDUCT', userId: v.userId, amount: 501, reason: 'x' });
    expect(deduct.body.error.fields).toHaveProperty('amount');

    expect((await admin('PUT', '/ledger/policy', { body: { ...policy, maxAdjustment: 20 } })).status).toBe(200);
    try {
      expect((await adjust(adminPerson, { kind: 'AWARD', userId: v.userId, amount: 21, reason: 'x' })).status).toBe(400);
      expect((await adjust(adminPerson, { kind: 'AWARD', userId: v.userId, amount: 20, reason: 'x' })).status).toBe(201);
    } finally {
      await admin('PUT', '/ledger/policy', { body: policy });
    }
    const zero = await admin('PUT', '/ledger/policy', { body: { ...policy, maxAdjustment: 0 } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.fields).toHaveProperty('maxAdjustment');
    expect(await available(v.userId)).toBe(20);
  });
});

describe('awards in the transparency figures', () => {
  it('lists awards per community and per awarding organisation, issuance on its own line, no persons', async () => {
    const communityId = newId('c');
    const [a, b] = [person({ roles: ['volunteer'] }), person({ roles: ['volunteer'] })];
    for (const p of [a, b]) {
      const e = hoursVerified(p.userId, 10);
      await deliver(ledgerEvents, { ...e, data: { ...e.data, communityId } });
    }
    const { orgId, organizer } = await fundedOrg();
    expect((await adjust(organizer, { kind: 'AWARD', userId: a.userId, amount: 7, reason: '表彰', orgId })).status).toBe(201);
    expect((await adjust(organizer, { kind: 'AWARD', userId: b.userId, amount: 5, reason: '表彰', orgId })).status).toBe(201);
    expect((await adjust(adminPerson, { kind: 'AWARD', userId: a.userId, amount: 3, reason: '表彰' })).status).toBe(201);
    for (const p of [a, b]) {
      for (const e of await committedTransfers(p.userId)) {
        await deliver(projector, e);
        await deliver(projector, e);
      }
    }
    const month = monthOf(new Date());
    const { status, body } = await caller(app, person({ roles: ['volunteer'] }))('GET', `/ledger/transparency?communityId=${communityId}&period=${month}`);
    expect(status).toBe(200);
    expect(body.communities).toEqual([{ communityId, issued: 35, redeemed: 0, expired: 0, corrected: 0 }]);
    expect(body.awards).toEqual([
      { awardedBy: 'issuance', communityId, points: 3, count: 1 },
      { awardedBy: `org:${orgId}`, communityId, points: 12, count: 2 },
    ]);
    expect(body.awardsByOrganisation).toEqual([
      { awardedBy: 'issuance', points: 3, count: 1 },
      { awardedBy: `org:${orgId}`, points: 12, count: 2 },
    ]);
    expect(JSON.stringify(body)).not.toContain(a.userId);
    expect(JSON.stringify(body)).not.toContain(organizer.userId);
  });
});
