import { permits } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import type { Result } from '@lianxin/shared/errors';
import { codeAlreadyUsed, codeExpired, notYourRedemption } from './errors';
import { type Redemption, type RedemptionStatus, codeExpiry, isCodeExpired } from './redemption';

/** What a transition does besides changing the redemption itself. */
export interface Effects {
  /** Put the reserved unit back into the reward's stock. */
  returnStock?: boolean;
  /** Register the new one-time code (and list it among the held codes). */
  issueCode?: boolean;
  /** Take the code off the list of held codes the expiry sweeper reads. */
  releaseCode?: boolean;
}

/**
 * A rule's verdict on a redemption as last read: apply a change (written conditionally on
 * `previous.version`), ignore a duplicate or stale message, or wait for a missing cause.
 */
export type Decision =
  | { kind: 'apply'; previous: Redemption; next: Redemption; effects: Effects }
  | { kind: 'ignore'; reason: string }
  | { kind: 'wait'; reason: string };

export type Applied = Extract<Decision, { kind: 'apply' }>;

const apply = (previous: Redemption, patch: Partial<Redemption>, now: Date, effects: Effects = {}): Applied => ({
  kind: 'apply',
  previous,
  next: { ...previous, ...patch, version: previous.version + 1, updatedAt: now.toISOString() },
  effects,
});

const ignore = (r: Redemption, what: string): Decision => ({ kind: 'ignore', reason: `${what} ignored: redemption is ${r.status}` });

const isOneOf = (status: RedemptionStatus, ...statuses: RedemptionStatus[]) => statuses.includes(status);

/** The ledger holds the points: the volunteer gets a one-time code. */
export const placeHold = (r: Redemption, hold: { holdId: string; expiresAt: string }, code: string, now: Date): Decision =>
  r.status === 'pending'
    ? apply(r, { status: 'held', holdId: hold.holdId, holdExpiresAt: hold.expiresAt, code, expiresAt: codeExpiry(hold.expiresAt, now) }, now, { issueCode: true })
    : ignore(r, 'HoldPlaced');

/** The ledger refused the hold (e.g. not enough points): the reserved unit goes back. */
export const rejectHold = (r: Redemption, reason: string, now: Date): Decision =>
  r.status === 'pending'
    ? apply(r, { status: 'failed', failureReason: reason, stockReturned: true }, now, { returnStock: true })
    : ignore(r, 'HoldRejected');

/** The ledger moved the points to the merchant: the redemption is done. */
export const postHold = (r: Redemption, now: Date): Decision => {
  if (r.status === 'confirmed') return apply(r, { status: 'completed' }, now);
  if (isOneOf(r.status, 'pending', 'held')) return { kind: 'wait', reason: `HoldPosted before the confirmation of ${r.redemptionId}` };
  return ignore(r, 'HoldPosted');
};

/**
 * The ledger released the hold. Usually it answers our RedemptionExpired; it may also have
 * voided on its own (its hold lapsed first), so any unfinished redemption ends expired.
 * Either way the reserved unit goes back exactly once.
 */
export const voidHold = (r: Redemption, reason: string, now: Date): Decision => {
  if (r.stockReturned || isOneOf(r.status, 'completed', 'failed')) return ignore(r, 'HoldVoided');
  const release = { returnStock: true, releaseCode: r.status === 'held' };
  if (r.status === 'expired') return apply(r, { stockReturned: true }, now, release);
  return apply(r, { status: 'expired', failureReason: reason, stockReturned: true }, now, release);
};

/**
 * PIPL: the volunteer closed their account, so the shop sees their pseudonym where the
 * masked name was. Points, status and the request's times stay, so the accounts still add up.
 */
export const pseudonymize = (r: Redemption, pseudonym: string, now: Date): Decision =>
  r.displayName === pseudonym ? { kind: 'ignore', reason: 'already pseudonymized' } : apply(r, { displayName: pseudonym }, now);

/** The sweeper's rule: a held code past its expiry ends the redemption. */
export const expireHeld = (r: Redemption, now: Date): Decision =>
  r.status === 'held' && isCodeExpired(r, now)
    ? apply(r, { status: 'expired' }, now, { releaseCode: true })
    : ignore(r, 'Expiry');

/**
 * The merchant's counter: a held, unexpired code of their own shop is used once. The shop is
 * checked first (by the policy's scope), so another shop learns nothing of the code's state.
 */
export const confirmCode = (r: Redemption, merchant: Principal, now: Date): Result<Applied> => {
  if (!permits(merchant, 'redemption.confirm', { merchant: r.merchantId })) return notYourRedemption();
  if (r.status === 'expired' || (r.status === 'held' && isCodeExpired(r, now))) return codeExpired();
  if (r.status !== 'held') return codeAlreadyUsed();
  return apply(r, { status: 'confirmed', confirmedBy: merchant.userId }, now, { releaseCode: true });
};
