import { holdIdOf, resolveCommand } from '../domain/commands';
import type { Hold } from '../domain/transfers';
import { holdVoided } from '../events/publish';
import { getHold } from '../store/transfers';
import { commitTransfer } from './commitTransfer';

/** A redemption's hold; until the hold's own event is applied this throws, so the bus redelivers later. */
export const holdOfRedemption = async (redemptionId: string): Promise<Hold> => {
  const hold = await getHold(holdIdOf(redemptionId));
  if (!hold) throw new Error(`No hold for redemption ${redemptionId} yet`);
  return hold;
};

/** Give a hold's points (and the lots they came from) back to the wallet. */
export const releaseHold = (hold: Hold, reason: string, now: Date) =>
  commitTransfer(resolveCommand(hold, 'VOID'), 'debit', (o) => (o.ok ? [holdVoided(hold, reason)] : []), now);

/** The redemption's code expired unused: its points go back. */
export const voidHold = async (redemptionId: string, now: Date) => releaseHold(await holdOfRedemption(redemptionId), 'CODE_EXPIRED', now);
