import { authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import { userAccountId } from '../domain/accounts';
import { adjustmentEntry } from '../domain/adminLog';
import {
  type Adjustment, type Original, adjustmentCommand, adjustmentRefusal, adjustmentScope, amountRefusal, exceedsOriginal, reversalOriginal,
  selfAwardRefusal, userSideOf,
} from '../domain/adjustments';
import { lotExpiry } from '../domain/lots';
import { type EarningPolicy, awardCapRefusal, capPeriods } from '../domain/policy';
import { readCounter } from '../store/counters';
import { currentPolicy } from '../store/policy';
import { getTransfer } from '../store/transfers';
import { type CommitOptions, type Plan, type TransferOutcome, commitTransfer } from './commitTransfer';

const REVERSED = 'REVERSED';

/**
 * A reversal keeps a reversed-so-far counter beside its original (transfers never change),
 * written with the reversal and conditional on the value read: two partial reversals at
 * once cannot together exceed the original.
 */
const reversalPlan = (original: Original, amount: number) => async (): Promise<Plan> => {
  const owner = `TR#${original.transferId}`;
  const before = await readCounter(owner, REVERSED);
  if (exceedsOriginal(before ?? 0, amount, original)) return { failure: 'EXCEEDS_ORIGINAL' };
  return { counters: [{ owner, name: REVERSED, before, after: (before ?? 0) + amount }] };
};

/**
 * An award to a wallet counts against the recipient's caps like an earn: the same Beijing
 * day and month counters, read fresh on each attempt and written with the award,
 * conditional on the values read. One beyond what is left is refused (never clipped).
 */
const awardPlan = (policy: EarningPolicy, userId: string, amount: number, now: Date) => async (): Promise<Plan> => {
  const owner = userAccountId(userId);
  const { day, month } = capPeriods(now);
  const [today, thisMonth] = await Promise.all([readCounter(owner, day), readCounter(owner, month)]);
  const refusal = awardCapRefusal(policy, amount, today ?? 0, thisMonth ?? 0);
  if (refusal) throw refusal;
  return {
    lotExpiresAt: lotExpiry(policy.lotValidity, now),
    counters: [
      { owner, name: day, before: today, after: (today ?? 0) + amount },
      { owner, name: month, before: thisMonth, after: (thisMonth ?? 0) + amount },
    ],
  };
};

/** Commit an admin adjustment with its admin log entry; a refusal writes nothing (the Idempotency-Key keeps the answer). */
const commitAdjustment = async (transferId: string, adj: Adjustment, by: string, policy: EarningPolicy, now: Date): Promise<TransferOutcome> => {
  const options: CommitOptions = {
    recordFailures: false,
    by,
    adminLog: (before, after, done) => adjustmentEntry(adj.kind, transferId, by, now.toISOString(), done.amount, adj.reason, before, after),
  };
  if (adj.kind === 'AWARD') {
    return commitTransfer(adjustmentCommand(transferId, adj), 'credit', () => [], now, { ...options, plan: awardPlan(policy, adj.userId, adj.amount, now) });
  }
  if (adj.kind !== 'REVERSAL') return commitTransfer(adjustmentCommand(transferId, adj), userSideOf(adj), () => [], now, options);
  const original = must(reversalOriginal(adj.originalTransferId, await getTransfer(adj.originalTransferId)));
  return commitTransfer(adjustmentCommand(transferId, adj, original), 'debit', () => [], now, { ...options, plan: reversalPlan(original, adj.amount) });
};

export interface AdjustInput { principal: Principal; idempotencyKey: string; adjustment: Adjustment }

/**
 * Award, deduct, reverse or fund a budget (积分制), always with a reason: admins anywhere,
 * an organizer only awarding from their own organization's budget; nobody to themself,
 * never above the policy's maximum, and awards within the recipient's caps.
 */
export const adjust = async ({ principal, idempotencyKey, adjustment: adj }: AdjustInput, now: Date) => {
  authorize(principal, 'adjustment.make', adjustmentScope(adj));
  const selfAward = selfAwardRefusal(adj, principal.userId);
  if (selfAward) throw selfAward;
  const policy = await currentPolicy();
  const tooMuch = amountRefusal(policy, adj);
  if (tooMuch) throw tooMuch;
  // From the caller and the key: a retry of the same request lands on the same transfer.
  const transferId = `adj:${idFromKey('adj', principal.userId, idempotencyKey)}`;
  const outcome = await commitAdjustment(transferId, adj, principal.userId, policy, now);
  if (outcome.status === 'FAILED') throw adjustmentRefusal(outcome.reason);
  const t = (await getTransfer(transferId))!;
  return {
    transferId,
    kind: adj.kind,
    accountId: t.kind === 'AWARD' ? t.creditAccount : t.debitAccount,
    amount: t.amount,
    reason: t.reason ?? adj.reason,
    ...(t.originalTransferId ? { originalTransferId: t.originalTransferId } : {}),
  };
};
