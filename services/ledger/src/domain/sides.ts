import { isHotAccount } from './accounts';
import type { Decision, FailureReason, TransferCommand } from './transfers';

export interface SyncSide { side: 'debit' | 'credit'; accountId: string }

/**
 * The accounts updated in the transaction: the user's side, and the other side too when it
 * is not hot (an organization budget awarding a volunteer: its "debits ≤ credits" must
 * hold at commit, so it cannot wait for the projector).
 */
export const syncSides = (cmd: TransferCommand, userSide: 'debit' | 'credit'): SyncSide[] => {
  const accountOf = (side: 'debit' | 'credit') => (side === 'debit' ? cmd.debitAccount : cmd.creditAccount);
  const other = userSide === 'debit' ? 'credit' : 'debit';
  const sides: SyncSide[] = [{ side: userSide, accountId: accountOf(userSide) }];
  return isHotAccount(accountOf(other)) ? sides : [...sides, { side: other, accountId: accountOf(other) }];
};

/** The first side's refusal; a budget short of points is BUDGET_EXHAUSTED, not the volunteer's shortfall. */
export const failureOf = (decisions: Decision[], sides: SyncSide[]): FailureReason | undefined => {
  const i = decisions.findIndex((d) => !d.ok);
  const d = decisions[i];
  if (!d || d.ok) return undefined;
  return i > 0 && d.reason === 'INSUFFICIENT_POINTS' && sides[i]!.accountId.startsWith('org:') ? 'BUDGET_EXHAUSTED' : d.reason;
};
