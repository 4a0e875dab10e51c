import { consumer } from '@lianxin/shared/events/consumer';
import { events } from '@lianxin/shared/events/catalog';
import { earnCommand, holdCommand, holdIdOf, resolveCommand } from '../domain/commands';
import type { FailureReason, Hold } from '../domain/transfers';
import { earnPlan } from '../store/earning';
import { commitTransfer, getHold } from '../store/transfers';

const ACTOR = 'ledger';

const holdOrRetry = async (redemptionId: string): Promise<Hold> => {
  const hold = await getHold(holdIdOf(redemptionId));
  // The hold's own event has not been applied yet: throw so the bus redelivers later.
  if (!hold) throw new Error(`No hold for redemption ${redemptionId} yet`);
  return hold;
};

const rejectionOf = (reason: FailureReason) =>
  reason === 'INVALID_AMOUNT' || reason === 'ACCOUNT_FROZEN' ? reason : 'INSUFFICIENT_POINTS';

const voidHold = (hold: Hold, reason: string) =>
  commitTransfer(resolveCommand(hold, 'VOID'), 'debit', (o) =>
    o.ok ? [events.HoldVoidedV1.make({ redemptionId: hold.redemptionId, holdId: hold.holdId, reason }, ACTOR)] : [],
  );

/**
 * The ledger's subscriptions. Replays are safe without an inbox: every transfer id is a
 * business key, and a replayed id returns the stored outcome and writes nothing.
 */
export const ledgerEvents = consumer('ledger', {
  // The amount comes from the earning policy and the caps at commit time (earnPlan); the
  // transfer records the policy version, so later policy changes leave it as it is.
  HoursVerifiedV1: async (event) => {
    if (event.data.points === 0) return 'nothing to earn';
    const cmd = earnCommand(event.data);
    return commitTransfer(cmd, 'credit', () => [], new Date(), { plan: earnPlan(event, cmd) });
  },

  RedemptionRequestedV1: async ({ data }) =>
    commitTransfer(holdCommand(data), 'debit', (o) =>
      o.ok
        ? [events.HoldPlacedV1.make({ redemptionId: data.redemptionId, holdId: holdIdOf(data.redemptionId), amount: data.points, expiresAt: data.holdExpiresAt }, ACTOR)]
        : [events.HoldRejectedV1.make({ redemptionId: data.redemptionId, reason: rejectionOf(o.reason) }, ACTOR)],
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
