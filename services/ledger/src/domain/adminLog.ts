import { type Account, available } from './accounts';
import type { Adjustment } from './adjustments';
import type { FreezeAction } from './freezes';
import type { EarningPolicy } from './policy';

/** What an admin (or an organizer, awarding from a budget) did to the ledger. */
export type AdminAction = Adjustment['kind'] | FreezeAction | 'POLICY_CHANGE';

/**
 * One line of the append-only admin log (issue 10, item 7): who did what to which account
 * or to the policy, when, why, and the state before and after. Written in the same
 * transaction as the action, never changed afterwards.
 */
export interface AdminLogEntry {
  entryId: string;
  at: string;
  actor: string;
  action: AdminAction;
  /** The account acted on (`user:<id>`, `org:<id>:budget`), or `policy`. */
  target: string;
  reason?: string;
  amount?: number;
  transferId?: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** What the log keeps of an account: its spendable points and whether it is frozen. */
const accountState = (a: Account) => ({ available: available(a), frozen: Boolean(a.frozen) });

/** A committed adjustment; `before` and `after` are the account on the caller's side of it. */
export const adjustmentEntry = (
  action: Adjustment['kind'], transferId: string, actor: string, at: string, amount: number, reason: string, before: Account, after: Account,
): AdminLogEntry => ({
  entryId: transferId, at, actor, action, target: after.accountId, reason, amount, transferId,
  before: accountState(before), after: accountState(after),
});

/** A freeze or unfreeze; the entry id follows the account version it produced. */
export const freezeEntry = (action: FreezeAction, actor: string, at: string, reason: string, before: Account, after: Account): AdminLogEntry => ({
  entryId: `freeze:${after.accountId}:${after.version}`, at, actor, action, target: after.accountId, reason,
  before: accountState(before), after: accountState(after),
});

/** A new earning policy, with the one it replaced in full. */
export const policyEntry = (actor: string, at: string, before: EarningPolicy, after: EarningPolicy): AdminLogEntry => ({
  entryId: `policy:${after.version}`, at, actor, action: 'POLICY_CHANGE', target: 'policy',
  before: { ...before }, after: { ...after },
});
