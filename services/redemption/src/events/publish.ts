import { events } from '@lianxin/shared/events/catalog';
import type { Redemption } from '../domain/redemption';

/** The expiry sweeper acts on nobody's behalf. */
const SWEEPER = 'system:redemption-expiry';

/** Asks the ledger to hold the points until `holdExpiresAt`. */
export const redemptionRequested = (r: Redemption, now: Date) => {
  const { redemptionId, volunteerId, merchantId, rewardId, points, holdExpiresAt } = r;
  return events.RedemptionRequestedV1.make({ redemptionId, volunteerId, merchantId, rewardId, points, holdExpiresAt }, volunteerId, now);
};

/** Tells the ledger to post the held points to the shop. */
export const redemptionConfirmed = (r: Redemption, confirmedBy: string, now: Date) =>
  events.RedemptionConfirmedV1.make({ redemptionId: r.redemptionId, merchantId: r.merchantId, confirmedBy }, confirmedBy, now);

/** Tells the ledger to void the hold of a code nobody used in time. */
export const redemptionExpired = (r: Redemption, now: Date) =>
  events.RedemptionExpiredV1.make({ redemptionId: r.redemptionId }, SWEEPER, now);
