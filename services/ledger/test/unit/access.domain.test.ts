import { describe, expect, it } from 'vitest';
import { authorize, permits } from '@lianxin/shared/auth/policy';
import { AppError } from '@lianxin/shared/errors';
import { person } from '@lianxin/shared/testing';
import { maySeeAccount, readableAccount } from '../../src/domain/access';
import { adjustmentScope } from '../../src/domain/adjustments';

describe('who may see an account (the policy)', () => {
  const volunteer = person({ roles: ['volunteer'] });
  const shop = person({ roles: ['merchant'], scopes: ['merchant:m1'] });
  const organizer = person({ roles: ['organizer'], scopes: ['org:o1'] });
  const admin = person({ roles: ['admin'] });

  it('lets a person see their own wallet only', () => {
    expect(maySeeAccount(volunteer, `user:${volunteer.userId}`)).toBe(true);
    expect(maySeeAccount(volunteer, 'user:someone-else')).toBe(false);
    expect(maySeeAccount(volunteer, 'sys:issuance')).toBe(false);
  });

  it('lets a merchant see their shop and an organizer their budget, inside their scope', () => {
    expect(maySeeAccount(shop, 'merchant:m1')).toBe(true);
    expect(maySeeAccount(shop, 'merchant:m2')).toBe(false);
    expect(maySeeAccount(organizer, 'org:o1:budget')).toBe(true);
    expect(maySeeAccount(organizer, 'org:o2:budget')).toBe(false);
    expect(maySeeAccount(organizer, 'merchant:m1')).toBe(false);
    expect(maySeeAccount(shop, 'org:o1:budget')).toBe(false);
  });

  it('lets admins see any account', () => {
    for (const accountId of ['user:someone', 'merchant:m9', 'org:o9:budget', 'sys:reversals']) expect(maySeeAccount(admin, accountId)).toBe(true);
  });

  it('refuses with 403 FORBIDDEN', () => {
    expect(readableAccount(volunteer, `user:${volunteer.userId}`)).toBe(`user:${volunteer.userId}`);
    expect(readableAccount(volunteer, 'merchant:m1')).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(readableAccount(volunteer, 'merchant:m1')).toBeInstanceOf(AppError);
  });
});

describe('who may adjust (the policy)', () => {
  const organizer = person({ roles: ['organizer'], scopes: ['org:o1'] });
  const award = { kind: 'AWARD', userId: 'u', amount: 5, reason: 'r' } as const;

  it('lets an organizer award from their own budget only, and admins anything', () => {
    expect(permits(organizer, 'adjustment.make', adjustmentScope({ ...award, orgId: 'o1' }))).toBe(true);
    expect(permits(organizer, 'adjustment.make', adjustmentScope({ ...award, orgId: 'o2' }))).toBe(false);
    expect(permits(organizer, 'adjustment.make', adjustmentScope(award))).toBe(false);
    expect(permits(organizer, 'adjustment.make', adjustmentScope({ kind: 'FUND_BUDGET', orgId: 'o1', amount: 5, reason: 'r' }))).toBe(false);
    expect(() => authorize(organizer, 'adjustment.make', adjustmentScope({ kind: 'DEDUCT', userId: 'u', amount: 5, reason: 'r' }))).toThrow(AppError);
    expect(permits(person({ roles: ['admin'] }), 'adjustment.make', adjustmentScope({ kind: 'DEDUCT', userId: 'u', amount: 1, reason: 'r' }))).toBe(true);
    expect(permits(person({ roles: ['volunteer'] }), 'adjustment.make', adjustmentScope({ ...award, orgId: 'o1' }))).toBe(false);
  });
});
