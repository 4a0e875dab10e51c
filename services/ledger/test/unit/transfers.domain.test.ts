import { describe, expect, it } from 'vitest';
import { available, openAccount } from '../../src/domain/accounts';
import { type Hold, type TransferCommand, decide, effects } from '../../src/domain/transfers';

const earn = (amount: number): TransferCommand => ({ transferId: 't', kind: 'EARN', debitAccount: 'sys:issuance', creditAccount: 'user:a', amount, memo: '' });
const hold = (amount: number): TransferCommand => ({ ...earn(amount), kind: 'HOLD', debitAccount: 'user:a', creditAccount: 'merchant:m', holdId: 'h', expiresAt: '2030-01-01T00:00:00.000Z' });
const pendingHold: Hold = { holdId: 'h', redemptionId: 'r', userAccount: 'user:a', merchantAccount: 'merchant:m', amount: 30, expiresAt: '2030-01-01T00:00:00.000Z', state: 'PENDING' };

describe('transfer effects', () => {
  it('balances debits and credits for every kind', () => {
    for (const kind of ['EARN', 'AWARD', 'DEDUCT', 'REVERSAL', 'HOLD', 'POST', 'VOID'] as const) {
      const { debit, credit } = effects(kind, 7);
      expect(debit.debitsPosted).toBe(credit.creditsPosted);
      expect(debit.debitsPending).toBe(credit.creditsPending);
    }
  });
});

describe('decide', () => {
  it('credits an earn and counts it as earned', () => {
    const d = decide(earn(40), 'credit', openAccount('user:a'));
    expect(d.ok && available(d.account)).toBe(40);
    expect(d.ok && d.account.earned).toBe(40);
    expect(d.ok && d.account.entrySeq).toBe(1);
  });

  it('refuses non-positive or fractional amounts', () => {
    expect(decide(earn(0), 'credit', openAccount('user:a'))).toEqual({ ok: false, reason: 'INVALID_AMOUNT' });
    expect(decide(earn(1.5), 'credit', openAccount('user:a'))).toEqual({ ok: false, reason: 'INVALID_AMOUNT' });
  });

  it('holds only what is spendable, pending holds included', () => {
    const rich = { ...openAccount('user:a'), creditsPosted: 50, debitsPending: 30 };
    expect(decide(hold(21), 'debit', rich)).toEqual({ ok: false, reason: 'INSUFFICIENT_POINTS' });
    const d = decide(hold(20), 'debit', rich);
    expect(d.ok && available(d.account)).toBe(0);
  });

  it('posts a pending hold before expiry but never at or after it', () => {
    const account = { ...openAccount('user:a'), creditsPosted: 50, debitsPending: 30 };
    const post: TransferCommand = { ...hold(30), kind: 'POST' };
    const d = decide(post, 'debit', account, pendingHold, new Date('2029-12-31T23:59:59Z'));
    expect(d.ok && d.account.debitsPosted).toBe(30);
    expect(d.ok && d.account.debitsPending).toBe(0);
    expect(decide(post, 'debit', account, pendingHold, new Date('2030-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'HOLD_EXPIRED' });
    expect(decide(post, 'debit', account, { ...pendingHold, state: 'VOIDED' })).toEqual({ ok: false, reason: 'HOLD_NOT_PENDING' });
  });

  it('posts part of a hold and releases the remainder in the same transfer', () => {
    const account = { ...openAccount('user:a'), creditsPosted: 50, debitsPending: 30 };
    const partial: TransferCommand = { ...hold(20), kind: 'POST' };
    const d = decide(partial, 'debit', account, pendingHold, new Date('2029-01-01T00:00:00Z'));
    expect(d.ok && [d.account.debitsPosted, d.account.debitsPending, available(d.account)]).toEqual([20, 0, 30]);
    expect(decide({ ...partial, amount: 31 }, 'debit', account, pendingHold, new Date('2029-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'EXCEEDS_HOLD' });
    const voided = decide({ ...partial, kind: 'VOID' }, 'debit', account, pendingHold);
    expect(voided.ok && voided.account.debitsPending).toBe(0);
    const { debit, credit } = effects('POST', 20, 30);
    expect([credit.creditsPosted, credit.creditsPending, debit.debitsPending]).toEqual([20, -30, -30]);
  });

  it('refuses new points and new holds on a frozen wallet but lets corrections and captures through', () => {
    const frozen = { ...openAccount('user:a'), creditsPosted: 50, debitsPending: 30, frozen: true };
    expect(decide(earn(5), 'credit', frozen)).toEqual({ ok: false, reason: 'ACCOUNT_FROZEN' });
    expect(decide({ ...earn(5), kind: 'AWARD' }, 'credit', frozen)).toEqual({ ok: false, reason: 'ACCOUNT_FROZEN' });
    expect(decide(hold(5), 'debit', frozen)).toEqual({ ok: false, reason: 'ACCOUNT_FROZEN' });
    expect(decide({ ...hold(5), kind: 'DEDUCT' }, 'debit', frozen).ok).toBe(true);
    expect(decide({ ...hold(30), kind: 'POST' }, 'debit', frozen, pendingHold, new Date('2029-01-01T00:00:00Z')).ok).toBe(true);
  });

  it('keeps deductions and reversals within the spendable balance', () => {
    const account = { ...openAccount('user:a'), creditsPosted: 50, debitsPending: 30 };
    expect(decide({ ...hold(21), kind: 'DEDUCT' }, 'debit', account)).toEqual({ ok: false, reason: 'INSUFFICIENT_POINTS' });
    expect(decide({ ...hold(21), kind: 'REVERSAL' }, 'debit', account)).toEqual({ ok: false, reason: 'INSUFFICIENT_POINTS' });
    const d = decide({ ...hold(20), kind: 'REVERSAL' }, 'debit', account);
    expect(d.ok && [d.account.debitsPosted, d.account.earned]).toEqual([20, 0]);
  });
});

