import { consumer } from '@lianxin/shared/events/consumer';
import { events } from '@lianxin/shared/events/catalog';
import { earnCommand, holdCommand, holdIdOf, resolveCommand } from '../domain/commands';
import type { Hold } from '../domain/transfers';
import { commitTransfer, getHold } from '../store/transfers';

const ACTOR = 'ledger';

const holdOrRetry = async (redemptionId: string): Promise<Hold> => {
  const hold = await getHold(holdIdOf(redemptionId));
  // The hold's own event has not been applied yet: throw so the bus redelivers later.
  if (!hold) throw new Error(`No hold for redemption ${redemptionId} yet`);
  return hold;
};

const voidHold = (hold: Hold, reason: string) =>
  commitTransfer(resolveCommand(hold, 'VOID'), 'debit', (o) =>
    o.ok ? [events.HoldVoidedV1.make({ redemptionId: hold.redemptionId, holdId: hold.holdId, reason }, ACTOR)] : [],
  );

/**
 * The ledger's subscriptions. Replays are safe without an inbox: every transfer id is a
 * business key, and a replayed id returns the stored outcome and writes nothing.
 */
export const ledgerEvents = consumer('ledger', {
  HoursVerifiedV1: async ({ data }) => {
    if (data.points === 0) return 'nothing to earn';
    return commitTransfer(earnCommand(data), 'credit', () => []);
  },

  RedemptionRequestedV1: async ({ data }) =>
    commitTransfer(holdCommand(data), 'debit', (o) =>
      o.ok
        ? [events.HoldPlacedV1.make({ redemptionId: data.redemptionId, holdId: holdIdOf(data.redemptionId), amount: data.points, expiresAt: data.holdExpiresAt }, ACTOR)]
        : [events.HoldRejectedV1.make({ redemptionId: data.redemptionId, reason: o.reason === 'INVALID_AMOUNT' ? 'INVALID_AMOUNT' : 'INSUFFICIENT_POINTS' }, ACTOR)],
    ),

  RedemptionConfirmedV1: async ({ data }) => {
    const hold = await holdOrRetry(data.redemptionId);
    const posted = await commitTransfer(resolveCommand(hold, 'POST'), 'debit', (o) =>
      o.ok ? [events.HoldPostedV1.make({ redemptionId: hold.redemptionId, holdId: hold.holdId, amount: hold.amount }, ACTOR)] : [],
    );
    // Confirmed too late for the ledger's clock: release the points instead of capturing.
    if (posted.status === 'FAILED' && posted.reason === 'HOLD_EXPIRED') return voidHold(hold, 'HOLD_EXPIRED');
    return posted;
  },

  RedemptionExpiredV1: async ({ data }) => voidHold(await holdOrRetry(data.redemptionId), 'CODE_EXPIRED'),
});
