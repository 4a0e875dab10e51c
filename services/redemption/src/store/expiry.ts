import { executeTransactWrite } from 'dynamodb-toolbox';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { expireHeld } from '../domain/transitions';
import { dueCodes } from './codes';
import { outbox } from './table';
import { decisionWrites, withLatest } from './transitions';

const SWEEPER = 'system:redemption-expiry';

/** Expire one redemption if it is still held past its code's expiry; true when this call did it. */
const expireOne = (redemptionId: string, now: Date) =>
  withLatest(redemptionId, async (current) => {
    const decision = current && expireHeld(current, now);
    if (decision?.kind !== 'apply') return false;
    const expired = events.RedemptionExpiredV1.make({ redemptionId }, SWEEPER, now);
    await executeTransactWrite(...decisionWrites(decision, outboxPut(outbox, expired)));
    return true;
  });

/** The sweeper: every held code due at `now`, through the HELD index (never a scan). */
export const expireDue = async (now: Date): Promise<number> => {
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
