import { describe, expect, it } from 'vitest';
import { AppError } from '@lianxin/shared/errors';
import { openAccount } from '../../src/domain/accounts';
import { adjustmentEntry, freezeEntry, policyEntry } from '../../src/domain/adminLog';
import { amountRefusal, selfAwardRefusal } from '../../src/domain/adjustments';
import { DEFAULT_POLICY, awardCapRefusal } from '../../src/domain/policy';
import { awardedByOf, reportOf } from '../../src/domain/transparency';

const policy = { ...DEFAULT_POLICY, dailyCap: 100, monthlyCap: 150, maxAdjustment: 50, maxBudgetFunding: 1000 };

describe('rules against minting by insiders', () => {
  it('refuses an award to oneself, whoever awards, and nothing else', () => {
    expect(selfAwardRefusal({ kind: 'AWARD', userId: 'u1', amount: 1, reason: 'x', orgId: 'o' }, 'u1')).toMatchObject({ status: 403, code: 'SELF_AWARD' });
    expect(selfAwardRefusal({ kind: 'AWARD', userId: 'u1', amount: 1, reason: 'x' }, 'u2')).toBeUndefined();
    expect(selfAwardRefusal({ kind: 'DEDUCT', userId: 'u1', amount: 1, reason: 'x' }, 'u1')).toBeUndefined();
  });

  it("bounds every adjustment by the policy's maximum, a budget's funding by its own", () => {
    expect(amountRefusal(policy, { kind: 'AWARD', userId: 'u', amount: 50, reason: 'x' })).toBeUndefined();
    const over = amountRefusal(policy, { kind: 'DEDUCT', userId: 'u', amount: 51, reason: 'x' });
    expect(over).toBeInstanceOf(AppError);
    expect(over?.fields).toEqual({ amount: "at most 50 (the policy's maxAdjustment)" });
    expect(amountRefusal(policy, { kind: 'REVERSAL', originalTransferId: 't', amount: 51, reason: 'x' })?.status).toBe(400);
    expect(amountRefusal(policy, { kind: 'FUND_BUDGET', orgId: 'o', amount: 1000, reason: 'x' })).toBeUndefined();
    expect(amountRefusal(policy, { kind: 'FUND_BUDGET', orgId: 'o', amount: 1001, reason: 'x' })?.fields?.amount).toContain('maxBudgetFunding');
  });

  it('refuses an award beyond what is left under either cap, naming what fits', () => {
    expect(awardCapRefusal(policy, 40, 60, 60)).toBeUndefined();
    expect(awardCapRefusal(policy, 41, 60, 60)).toMatchObject({ status: 409, code: 'CAP_REACHED', fields: { amount: 'at most 40 fit under the daily cap now' } });
    expect(awardCapRefusal(policy, 20, 0, 140)?.fields).toEqual({ amount: 'at most 10 fit under the monthly cap now' });
  });
});

describe('awards in the transparency figures', () => {
  it('names the awarder of an award to a wallet only', () => {
    expect(awardedByOf('AWARD', 'org:o1:budget', 'user:u')).toBe('org:o1');
    expect(awardedByOf('AWARD', 'sys:issuance', 'user:u')).toBe('issuance');
    expect(awardedByOf('AWARD', 'sys:issuance', 'org:o1:budget')).toBeUndefined();
    expect(awardedByOf('EARN', 'sys:issuance', 'user:u')).toBeUndefined();
  });

  it('sums award shards per awarder and community, and per awarder', () => {
    const report = reportOf('2026-11', [], [
      { awardedBy: 'org:b', communityId: 'c1', points: 5, count: 1 },
      { awardedBy: 'org:b', communityId: 'c1', points: 7, count: 2 },
      { awardedBy: 'org:b', communityId: 'c2', points: 1, count: 1 },
      { awardedBy: 'issuance', communityId: 'c1', points: 3, count: 1 },
    ]);
    expect(report.awards).toEqual([
      { awardedBy: 'issuance', communityId: 'c1', points: 3, count: 1 },
      { awardedBy: 'org:b', communityId: 'c1', points: 12, count: 3 },
      { awardedBy: 'org:b', communityId: 'c2', points: 1, count: 1 },
    ]);
    expect(report.awardsByOrganisation).toEqual([{ awardedBy: 'issuance', points: 3, count: 1 }, { awardedBy: 'org:b', points: 13, count: 4 }]);
  });
});

describe('admin log entries', () => {
  const before = { ...openAccount('user:u'), creditsPosted: 30, version: 3 };
  const after = { ...before, creditsPosted: 42, version: 4 };
  it('keep the account before and after, keyed so a retry cannot log twice', () => {
    expect(adjustmentEntry('AWARD', 'adj:1', 'admin', 'T', 12, '表彰', before, after)).toEqual({
      entryId: 'adj:1', at: 'T', actor: 'admin', action: 'AWARD', target: 'user:u', reason: '表彰', amount: 12, transferId: 'adj:1',
      before: { available: 30, frozen: false }, after: { available: 42, frozen: false },
    });
    expect(freezeEntry('FREEZE', 'admin', 'T', 'why', before, { ...before, frozen: true, version: 4 })).toMatchObject({
      entryId: 'freeze:user:u:4', before: { frozen: false }, after: { frozen: true, available: 30 },
    });
    expect(policyEntry('admin', 'T', DEFAULT_POLICY, { ...DEFAULT_POLICY, version: 2 })).toMatchObject({
      entryId: 'policy:2', target: 'policy', before: { version: 1 }, after: { version: 2 },
    });
  });
});
