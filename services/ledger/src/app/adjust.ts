import { authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import {
  type Adjustment, type Original, adjustmentCommand, adjustmentRefusal, adjustmentScope, exceedsOriginal, reversalOriginal, userSideOf,
} from '../domain/adjustments';
import { readCounter } from '../store/counters';
import { getTransfer } from '../store/transfers';
import { type Plan, type TransferOutcome, commitTransfer } from './commitTransfer';

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

/** Commit an admin adjustment; a refusal writes nothing (the Idempotency-Key keeps the answer). */
const commitAdjustment = async (transferId: string, adj: Adjustment, by: string, now: Date): Promise<TransferOutcome> => {
  if (adj.kind !== 'REVERSAL') {
    return commitTransfer(adjustmentCommand(transferId, adj), userSideOf(adj), () => [], now, { recordFailures: false, by });
  }
  const original = must(reversalOriginal(adj.originalTransferId, await getTransfer(adj.originalTransferId)));
  return commitTransfer(adjustmentCommand(transferId, adj, original), 'debit', () => [], now, {
    recordFailures: false, by, plan: reversalPlan(original, adj.amount),
  });
};

export interface AdjustInput { principal: Principal; idempotencyKey: string; adjustment: Adjustment }

/**
 * Award, deduct, reverse or fund a budget (积分制), always with a reason: admins anywhere,
 * an organizer only awarding from their own organization's budget.
 */
export const adjust = async ({ principal, idempotencyKey, adjustment: adj }: AdjustInput, now: Date) => {
  authorize(principal, 'adjustment.make', adjustmentScope(adj));
  // From the caller and the key: a retry of the same request lands on the same transfer.
  const transferId = `adj:${idFromKey('adj', principal.userId, idempotencyKey)}`;
  const outcome = await commitAdjustment(transferId, adj, principal.userId, now);
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
