import { AppError, conflict } from '@lianxin/shared/errors';
import { type Adjustment, adjustmentCommand, irreversible, userSideOf } from '../domain/adjustments';
import { readCounter } from './counters';
import { type TransferOutcome, commitTransfer, getTransfer } from './transfers';

const REVERSED = 'REVERSED';

/**
 * A reversal keeps a reversed-so-far counter beside its original (transfers never change),
 * written with the reversal and conditional on the value read: two partial reversals at
 * once cannot together exceed the original.
 */
const reversalPlan = (originalId: string, originalAmount: number, amount: number) => async () => {
  const owner = `TR#${originalId}`;
  const before = await readCounter(owner, REVERSED);
  if ((before ?? 0) + amount > originalAmount) return { failure: 'EXCEEDS_ORIGINAL' as const };
  return { counters: [{ owner, name: REVERSED, before, after: (before ?? 0) + amount }] };
};

/** Commit an admin adjustment; a refusal writes nothing (the Idempotency-Key keeps the answer). */
export const adjust = async (transferId: string, adj: Adjustment, by: string): Promise<TransferOutcome> => {
  if (adj.kind !== 'REVERSAL') {
    return commitTransfer(adjustmentCommand(transferId, adj), userSideOf(adj), () => [], new Date(), { recordFailures: false, by });
  }
  const original = await getTransfer(adj.originalTransferId);
  if (!original) throw new AppError(404, 'TRANSFER_NOT_FOUND', `No transfer ${adj.originalTransferId}`, { originalTransferId: 'not found' });
  const why = irreversible(original);
  if (why) throw conflict('NOT_REVERSIBLE', `Transfer ${original.transferId} cannot be reversed: ${why}`, { originalTransferId: why });
  return commitTransfer(adjustmentCommand(transferId, adj, original), 'debit', () => [], new Date(), {
    recordFailures: false, by, plan: reversalPlan(original.transferId, original.amount, adj.amount),
  });
};
