import type { Resource } from '@lianxin/shared/auth/policy';
import { AppError, type Result, conflict, invalid } from '@lianxin/shared/errors';
import { ISSUANCE, REVERSALS, orgBudgetId, userAccountId } from './accounts';
import type { EarningPolicy } from './policy';
import type { FailureReason, TransferCommand } from './transfers';

/** Admin corrections (积分制: contribution points and deductions), each with a mandatory reason. */
export type Adjustment =
  | { kind: 'AWARD'; userId: string; amount: number; reason: string; orgId?: string | undefined }
  | { kind: 'DEDUCT'; userId: string; amount: number; reason: string }
  | { kind: 'FUND_BUDGET'; orgId: string; amount: number; reason: string }
  | { kind: 'REVERSAL'; originalTransferId: string; amount: number; reason: string };

/** What a reversal needs to know about the transfer it corrects. */
export interface Original { transferId: string; kind: string; status: string; creditAccount: string; amount: number }

export const REVERSIBLE_KINDS = ['EARN', 'AWARD'];

/** Why an original cannot be reversed at all, if it cannot. */
export const irreversible = (original: Original): string | undefined => {
  if (original.status !== 'COMMITTED') return 'the original transfer failed';
  if (!REVERSIBLE_KINDS.includes(original.kind) || !original.creditAccount.startsWith('user:')) return 'only an EARN or AWARD to a wallet can be reversed';
  return undefined;
};

/** The original a reversal corrects, or why it cannot be reversed. */
export const reversalOriginal = (originalTransferId: string, original: Original | undefined): Result<Original> => {
  if (!original) return new AppError(404, 'TRANSFER_NOT_FOUND', `No transfer ${originalTransferId}`, { originalTransferId: 'not found' });
  const why = irreversible(original);
  return why ? conflict('NOT_REVERSIBLE', `Transfer ${original.transferId} cannot be reversed: ${why}`, { originalTransferId: why }) : original;
};

/** Reversals of one original never take back more than it gave, in total. */
export const exceedsOriginal = (reversedSoFar: number, amount: number, original: Original) => reversedSoFar + amount > original.amount;

/**
 * The transfer an adjustment makes. Points an admin awards are minted by sys:issuance, like
 * earned points, or come out of an organization's budget (funded from issuance: an AWARD
 * to `org:<id>:budget`). Deductions and reversals go to sys:reversals, not back to issuance: the
 * issuance account then still tells how much was ever minted, and the corrections account
 * how much was taken back (sys:reversals: corrections, receive only).
 */
export const adjustmentCommand = (transferId: string, adj: Adjustment, original?: Original): TransferCommand => {
  const base = { transferId, amount: adj.amount, memo: adj.reason, reason: adj.reason };
  if (adj.kind === 'FUND_BUDGET') return { ...base, kind: 'AWARD', debitAccount: ISSUANCE, creditAccount: orgBudgetId(adj.orgId) };
  if (adj.kind === 'AWARD') {
    return { ...base, kind: 'AWARD', debitAccount: adj.orgId ? orgBudgetId(adj.orgId) : ISSUANCE, creditAccount: userAccountId(adj.userId) };
  }
  if (adj.kind === 'DEDUCT') return { ...base, kind: 'DEDUCT', debitAccount: userAccountId(adj.userId), creditAccount: REVERSALS };
  return { ...base, kind: 'REVERSAL', debitAccount: original!.creditAccount, creditAccount: REVERSALS, originalTransferId: original!.transferId };
};

/**
 * The account on the caller's side of commitTransfer: the one receiving an award or a
 * budget, the one giving up points otherwise. (An award from a budget touches both.)
 */
export const userSideOf = (adj: Adjustment): 'debit' | 'credit' => (adj.kind === 'AWARD' || adj.kind === 'FUND_BUDGET' ? 'credit' : 'debit');

/**
 * The scope an adjustment acts in, for `adjustment.make`: an award from an organization's
 * budget is that organization's (its organizers may make it); any other adjustment is in
 * no organization's scope, so only admins may.
 */
export const adjustmentScope = (adj: Adjustment): Resource => (adj.kind === 'AWARD' && adj.orgId ? { org: adj.orgId } : {});

/**
 * Nobody awards points to their own wallet: not an organizer from a budget, not an admin
 * from issuance (another admin must). Points are paid for by others' decisions only.
 */
export const selfAwardRefusal = (adj: Adjustment, actorId: string): AppError | undefined =>
  adj.kind === 'AWARD' && adj.userId === actorId
    ? new AppError(403, 'SELF_AWARD', 'Nobody may award points to themself', { userId: 'is your own wallet' })
    : undefined;

/** Every amount has a maximum from the policy: one for a budget's funding, one for any other adjustment. */
export const amountRefusal = (policy: EarningPolicy, adj: Adjustment): AppError | undefined => {
  const [max, name] = adj.kind === 'FUND_BUDGET' ? [policy.maxBudgetFunding, 'maxBudgetFunding'] : [policy.maxAdjustment, 'maxAdjustment'];
  return adj.amount > max ? invalid({ amount: `at most ${max} (the policy's ${name})` }) : undefined;
};

/** A refused adjustment as an answer naming the field at fault. */
export const adjustmentRefusal = (reason: FailureReason): AppError => {
  switch (reason) {
    case 'INSUFFICIENT_POINTS':
      return conflict('INSUFFICIENT_POINTS', 'The wallet does not have that many spendable points', { amount: 'exceeds the spendable balance' });
    case 'ACCOUNT_FROZEN':
      return conflict('ACCOUNT_FROZEN', 'The account is frozen', { userId: 'account frozen' });
    case 'BUDGET_EXHAUSTED':
      return conflict('BUDGET_EXHAUSTED', "The organization's budget does not have that many points", { amount: 'exceeds the budget left' });
    case 'EXCEEDS_ORIGINAL':
      return conflict('REVERSAL_EXCEEDS_ORIGINAL', 'The reversals would exceed the original transfer', { amount: 'exceeds what is left to reverse' });
    default:
      return conflict(reason, `The adjustment was refused: ${reason}`);
  }
};
