import { describe, expect, it } from 'vitest';
import type { Principal } from '@lianxin/shared/auth/principal';
import { AppError, must } from '@lianxin/shared/errors';
import type { Reward } from '../../src/domain/catalog';
import { CODE_TTL_MS, HOLD_GRACE_MS, type Redemption, codeExpiry, maskedName, requestRedemption } from '../../src/domain/redemption';
import { type Decision, confirmCode, expireHeld, placeHold, postHold, rejectHold, voidHold } from '../../src/domain/transitions';
import { audienceOf, redemptionView, viewerOf, visibleTo } from '../../src/domain/view';

const T0 = new Date('2026-03-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const reward: Reward = { rewardId: 'r-1', merchantId: 'm-1', merchantName: '联盛超市', title: '大米', titleEn: 'Rice', points: 120, stock: 3 };

const pending = () => requestRedemption({ redemptionId: 'rdm_1', reward, volunteerId: 'u-1', volunteerName: '陈小明' }, T0);
const next = (d: Decision): Redemption => {
  if (d.kind !== 'apply') throw new Error(`expected a change, got ${d.kind}: ${d.reason}`);
  return d.next;
};
/** A merchant acting for one shop. */
const shopOf = (merchantId: string, userId: string): Principal => ({ userId, name: 'Shop', roles: ['merchant'], tags: [], scopes: [`merchant:${merchantId}`] });
const held = () => next(placeHold(pending(), { holdId: 'h-1', expiresAt: pending().holdExpiresAt }, '12345678', T0));
const confirmed = () => next(must(confirmCode(held(), shopOf('m-1', 'u-shop'), at(5))));
const expired = () => next(expireHeld(held(), at(15)));
/** The refusal a rule answers (or throws), as `{ status, code }`. */
const errorOf = (f: () => unknown) => {
  let refusal: unknown;
  try {
    refusal = f();
  } catch (error) {
    refusal = error;
  }
  if (refusal instanceof AppError) return { status: refusal.status, code: refusal.code };
  throw new Error('expected an AppError');
};

describe('requesting a redemption', () => {
  it('starts pending, priced from the reward, with the hold lasting the code time plus grace', () => {
    const r = pending();
    expect(r).toMatchObject({ status: 'pending', points: 120, merchantId: 'm-1', rewardTitle: '大米', stockReturned: false, version: 1 });
    expect(Date.parse(r.holdExpiresAt) - T0.getTime()).toBe(CODE_TTL_MS + HOLD_GRACE_MS);
  });
});

describe('codes', () => {
  it('last 15 minutes from the hold', () => {
    expect(codeExpiry(at(17).toISOString(), T0)).toBe(at(15).toISOString());
  });

  it('never outlive the ledger hold minus its grace, even when the hold arrives late', () => {
    expect(codeExpiry(at(17).toISOString(), at(10))).toBe(at(15).toISOString());
  });
});

describe('ledger answers', () => {
  it('a placed hold makes it held with the code and its expiry, once', () => {
    const r = held();
    expect(r).toMatchObject({ status: 'held', code: '12345678', holdId: 'h-1', expiresAt: at(15).toISOString(), version: 2 });
    expect(placeHold(r, { holdId: 'h-1', expiresAt: r.holdExpiresAt }, '87654321', T0).kind).toBe('ignore');
  });

  it('issues the code with the hold', () => {
    const d = placeHold(pending(), { holdId: 'h-1', expiresAt: pending().holdExpiresAt }, '12345678', T0);
    expect(d.kind === 'apply' && d.effects).toEqual({ issueCode: true });
  });

  it('a rejected hold fails it and returns the stock, once', () => {
    const d = rejectHold(pending(), 'INSUFFICIENT_POINTS', T0);
    expect(d.kind === 'apply' && d.effects).toEqual({ returnStock: true });
    const failed = next(d);
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'INSUFFICIENT_POINTS', stockReturned: true });
    expect(rejectHold(failed, 'INSUFFICIENT_POINTS', T0).kind).toBe('ignore');
    expect(rejectHold(held(), 'INSUFFICIENT_POINTS', T0).kind).toBe('ignore');
  });

  it('a posted hold completes a confirmed redemption, once', () => {
    const completed = next(postHold(confirmed(), at(6)));
    expect(completed.status).toBe('completed');
    expect(postHold(completed, at(7)).kind).toBe('ignore');
  });

  it('a posted hold that overtakes the confirmation waits for it', () => {
    expect(postHold(pending(), T0).kind).toBe('wait');
    expect(postHold(held(), T0).kind).toBe('wait');
  });

  it('a voided hold returns the stock of an expired redemption exactly once', () => {
    const d = voidHold(expired(), 'EXPIRED', at(16));
    expect(d.kind === 'apply' && d.effects).toEqual({ returnStock: true, releaseCode: false });
    const returned = next(d);
    expect(returned).toMatchObject({ status: 'expired', stockReturned: true });
    expect(voidHold(returned, 'EXPIRED', at(17)).kind).toBe('ignore');
  });

  it('a hold the ledger voided on its own ends a held redemption expired, code released, stock back', () => {
    const d = voidHold(held(), 'EXPIRED', at(17));
    expect(d.kind === 'apply' && d.effects).toEqual({ returnStock: true, releaseCode: true });
    expect(next(d)).toMatchObject({ status: 'expired', failureReason: 'EXPIRED', stockReturned: true });
  });

  it('a void that overtakes the placed hold still ends it, and the late hold is then ignored', () => {
    const voided = next(voidHold(pending(), 'EXPIRED', at(17)));
    expect(voided).toMatchObject({ status: 'expired', stockReturned: true });
    expect(placeHold(voided, { holdId: 'h-1', expiresAt: voided.holdExpiresAt }, '12345678', at(18)).kind).toBe('ignore');
  });

  it('a void never touches a completed or failed redemption', () => {
    const completed = next(postHold(confirmed(), at(6)));
    expect(voidHold(completed, 'EXPIRED', at(20)).kind).toBe('ignore');
    expect(voidHold(next(rejectHold(pending(), 'INSUFFICIENT_POINTS', T0)), 'EXPIRED', T0).kind).toBe('ignore');
  });
});

describe('expiry', () => {
  it('expires a held code at its expiry, not a moment before', () => {
    expect(expireHeld(held(), new Date(at(15).getTime() - 1)).kind).toBe('ignore');
    const d = expireHeld(held(), at(15));
    expect(d.kind === 'apply' && d.effects).toEqual({ releaseCode: true });
    expect(next(d)).toMatchObject({ status: 'expired', stockReturned: false });
  });

  it('leaves every other state alone', () => {
    for (const r of [pending(), confirmed(), expired()]) expect(expireHeld(r, at(60)).kind).toBe('ignore');
  });
});

describe('confirming a code', () => {
  it('confirms a held code of the shop before expiry and releases it', () => {
    const d = must(confirmCode(held(), shopOf('m-1', 'u-shop'), at(14)));
    expect(d.next).toMatchObject({ status: 'confirmed', confirmedBy: 'u-shop', version: 3 });
    expect(d.effects).toEqual({ releaseCode: true });
  });

  it('refuses another shop, a used code and an expired one', () => {
    expect(errorOf(() => confirmCode(held(), shopOf('m-2', 'u-other'), at(1)))).toEqual({ status: 403, code: 'NOT_YOUR_REDEMPTION' });
    expect(errorOf(() => confirmCode(confirmed(), shopOf('m-1', 'u-shop'), at(6)))).toEqual({ status: 409, code: 'CODE_ALREADY_USED' });
    expect(errorOf(() => confirmCode(held(), shopOf('m-1', 'u-shop'), at(15)))).toEqual({ status: 410, code: 'CODE_EXPIRED' });
    expect(errorOf(() => confirmCode(expired(), shopOf('m-1', 'u-shop'), at(16)))).toEqual({ status: 410, code: 'CODE_EXPIRED' });
  });
});

describe('views', () => {
  it('show the code to the owner only, and only while held', () => {
    expect(redemptionView(held(), 'owner').code).toBe('12345678');
    expect(redemptionView(held(), 'merchant')).not.toHaveProperty('code');
    expect(redemptionView(confirmed(), 'owner')).not.toHaveProperty('code');
  });

  it('give a merchant the masked name and never the volunteer id; the owner keeps theirs', () => {
    expect(redemptionView(held(), 'merchant')).not.toHaveProperty('volunteerId');
    expect(redemptionView(held(), 'merchant').displayName).toBe('陈*');
    expect(redemptionView(held(), 'owner')).toMatchObject({ volunteerId: 'u-1', displayName: '陈*' });
  });

  it('mask a name to its first character, whole even outside the BMP, and drop an empty one', () => {
    expect(maskedName('陈小明')).toBe('陈*');
    expect(maskedName('  Li Wei')).toBe('L*');
    expect(maskedName('𠮷野家')).toBe('𠮷*');
    expect(maskedName(' ')).toBeUndefined();
    const nameless = requestRedemption({ redemptionId: 'rdm_9', reward, volunteerId: 'u-9', volunteerName: '' }, T0);
    expect(redemptionView(nameless, 'merchant')).not.toHaveProperty('displayName');
  });

  it('are for the owner or the shop only', () => {
    expect(audienceOf({ userId: 'u-1', merchantIds: [] }, held())).toBe('owner');
    expect(audienceOf({ userId: 'u-shop', merchantIds: ['m-1'] }, held())).toBe('merchant');
    expect(audienceOf({ userId: 'u-2', merchantIds: ['m-2'] }, held())).toBeUndefined();
  });

  it('see a shop only through the merchant role held in its scope', () => {
    expect(viewerOf(shopOf('m-1', 'u-shop'))).toEqual({ userId: 'u-shop', merchantIds: ['m-1'] });
    const notAMerchant: Principal = { ...shopOf('m-1', 'u-x'), roles: ['volunteer'] };
    expect(viewerOf(notAMerchant)).toEqual({ userId: 'u-x', merchantIds: [] });
    expect(errorOf(() => confirmCode(held(), notAMerchant, at(1)))).toEqual({ status: 403, code: 'NOT_YOUR_REDEMPTION' });
  });

  it('list what the viewer may see once each, newest first', () => {
    const older = held();
    const newer = { ...pending(), redemptionId: 'rdm_2', createdAt: at(1).toISOString() };
    const stranger = { ...pending(), redemptionId: 'rdm_3', volunteerId: 'u-9', merchantId: 'm-9' };
    const seen = visibleTo({ userId: 'u-1', merchantIds: [] }, [older, newer, older, stranger]);
    expect(seen.map((v) => v.redemptionId)).toEqual(['rdm_2', 'rdm_1']);
    expect(seen[1]?.code).toBe('12345678');
  });
});
