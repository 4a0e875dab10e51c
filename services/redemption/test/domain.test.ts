import { describe, expect, it } from 'vitest';
import { AppError } from '@lianxin/shared/errors';
import { CODE_TTL_MS, HOLD_GRACE_MS, type Redemption, type Reward, codeExpiry, requestRedemption } from '../src/domain/redemption';
import { type Decision, confirmCode, expireHeld, placeHold, postHold, rejectHold, voidHold } from '../src/domain/transitions';
import { audienceOf, redemptionView } from '../src/domain/view';

const T0 = new Date('2026-03-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const reward: Reward = { rewardId: 'r-1', merchantId: 'm-1', merchantName: '联盛超市', title: '大米', titleEn: 'Rice', points: 120, stock: 3 };

const pending = () => requestRedemption({ redemptionId: 'rdm_1', reward, volunteerId: 'u-1' }, T0);
const next = (d: Decision): Redemption => {
  if (d.kind !== 'apply') throw new Error(`expected a change, got ${d.kind}: ${d.reason}`);
  return d.next;
};
const held = () => next(placeHold(pending(), { holdId: 'h-1', expiresAt: pending().holdExpiresAt }, '12345678', T0));
const confirmed = () => next(confirmCode(held(), ['m-1'], 'u-shop', at(5)));
const expired = () => next(expireHeld(held(), at(15)));
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof AppError ? { status: error.status, code: error.code } : error;
  }
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
    const d = confirmCode(held(), ['m-1'], 'u-shop', at(14));
    expect(d.next).toMatchObject({ status: 'confirmed', confirmedBy: 'u-shop', version: 3 });
    expect(d.effects).toEqual({ releaseCode: true });
  });

  it('refuses another shop, a used code and an expired one', () => {
    expect(errorOf(() => confirmCode(held(), ['m-2'], 'u-other', at(1)))).toEqual({ status: 403, code: 'NOT_YOUR_REDEMPTION' });
    expect(errorOf(() => confirmCode(confirmed(), ['m-1'], 'u-shop', at(6)))).toEqual({ status: 409, code: 'CODE_ALREADY_USED' });
    expect(errorOf(() => confirmCode(held(), ['m-1'], 'u-shop', at(15)))).toEqual({ status: 410, code: 'CODE_EXPIRED' });
    expect(errorOf(() => confirmCode(expired(), ['m-1'], 'u-shop', at(16)))).toEqual({ status: 410, code: 'CODE_EXPIRED' });
  });
});

describe('views', () => {
  it('show the code to the owner only, and only while held', () => {
    expect(redemptionView(held(), 'owner').code).toBe('12345678');
    expect(redemptionView(held(), 'merchant')).not.toHaveProperty('code');
    expect(redemptionView(confirmed(), 'owner')).not.toHaveProperty('code');
  });

  it('are for the owner or the shop only', () => {
    expect(audienceOf({ userId: 'u-1', merchantIds: [] }, held())).toBe('owner');
    expect(audienceOf({ userId: 'u-shop', merchantIds: ['m-1'] }, held())).toBe('merchant');
    expect(audienceOf({ userId: 'u-2', merchantIds: ['m-2'] }, held())).toBeUndefined();
  });
});
