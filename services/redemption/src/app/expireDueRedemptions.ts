import { expireHeld } from '../domain/transitions';
import { redemptionExpired } from '../events/publish';
import { dueCodes } from '../store/codes';
import { commitDecision, withLatest } from '../store/transitions';

/** Expire one redemption if it is still held past its code's expiry; true when this call did it. */
const expireOne = (redemptionId: string, now: Date) =>
  withLatest(redemptionId, async (current) => {
    const decision = current && expireHeld(current, now);
    if (decision?.kind !== 'apply') return false;
    await commitDecision(decision, redemptionExpired(decision.next, now));
    return true;
  });

/** The sweeper: every held code due at `now`, through the HELD index (never a scan). */
export const expireDueRedemptions = async (now: Date): Promise<number> => {
  let expired = 0;
  let next: Record<string, unknown> | undefined;
  do {
    const page = await dueCodes(now, next);
    const done = await Promise.all(page.redemptionIds.map((redemptionId) => expireOne(redemptionId, now)));
    expired += done.filter(Boolean).length;
    next = page.next;
  } while (next);
  return expired;
};
