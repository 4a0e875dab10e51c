import { resolveCommand } from '../domain/commands';
import { holdPosted } from '../events/publish';
import { commitTransfer } from './commitTransfer';
import { holdOfRedemption, releaseHold } from './voidHold';

/**
 * The shop confirmed a redemption: capture its hold. Confirmed too late for the ledger's
 * clock (the hold expired), the points are released instead of captured.
 */
export const postHold = async (redemptionId: string, now: Date) => {
  const hold = await holdOfRedemption(redemptionId);
  const posted = await commitTransfer(resolveCommand(hold, 'POST'), 'debit', (o) => (o.ok ? [holdPosted(hold)] : []), now);
  if (posted.status === 'FAILED' && posted.reason === 'HOLD_EXPIRED') return releaseHold(hold, 'HOLD_EXPIRED', now);
  return posted;
};
