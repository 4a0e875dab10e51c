import { ISSUANCE, REVERSALS, orgBudgetId, userAccountId } from './accounts';
import type { TransferCommand } from './transfers';

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

/**
 * The transfer an adjustment makes. Points an admin awards are minted by sys:issuance, like
 * earned points, or come out of an organization's budget (funded from issuance: an AWARD
 * to `org:<id>:budget`). Deductions and reversals go to sys:reversals, not back to issuance: the
 * issuance account then still tells how much was ever minted, and the corrections account
 * how much was taken back (ledger.md: "sys:reversals — corrections, receive only").
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
