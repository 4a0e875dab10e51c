import type { EventData } from '@lianxin/shared/events/catalog';
import { holdCommand, holdIdOf, holdRejectionOf } from '../domain/commands';
import { holdPlaced, holdRejected } from '../events/publish';
import { commitTransfer } from './commitTransfer';

/**
 * A redemption reserves its points: a HOLD from the wallet to the shop, answered with
 * HoldPlaced, or HoldRejected (not enough spendable points, frozen wallet) in the same
 * transaction as the failed transfer, so a replay answers alike.
 */
export const placeHold = (data: EventData<'RedemptionRequestedV1'>, now: Date) =>
  commitTransfer(holdCommand(data), 'debit', (o) =>
    o.ok
      ? [holdPlaced(data.redemptionId, holdIdOf(data.redemptionId), data.points, data.holdExpiresAt)]
      : [holdRejected(data.redemptionId, holdRejectionOf(o.reason))],
    now,
  );
