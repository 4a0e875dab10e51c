import { executeTransactWrite } from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import { notFound } from '@lianxin/shared/errors';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { keyReused, outOfStock } from '../domain/errors';
import { type Redemption, requestRedemption } from '../domain/redemption';
import { getReward, takeStock } from './catalog';
import { createRedemption, getRedemption } from './redemptions';
import { outbox } from './table';

/**
 * Reserve one unit, record the pending redemption and ask the ledger for a hold, all in one
 * transaction. The id comes from the caller's idempotency key: a retry finds the first one.
 */
export const placeRedemption = async (input: { redemptionId: string; rewardId: string; volunteerId: string }, now: Date): Promise<Redemption> => {
  const reward = await getReward(input.rewardId);
  if (!reward) throw notFound('reward', input.rewardId);
  const redemption = requestRedemption({ ...input, reward }, now);
  const { redemptionId, volunteerId, merchantId, rewardId, points, holdExpiresAt } = redemption;
  const requested = events.RedemptionRequestedV1.make({ redemptionId, volunteerId, merchantId, rewardId, points, holdExpiresAt }, volunteerId, now);
  try {
    await retryOnConflict(() => executeTransactWrite(takeStock(rewardId), createRedemption(redemption), outboxPut(outbox, requested)));
    return redemption;
  } catch (error) {
    if (failedConditionAt(error, 1)) return earlierAttempt(redemptionId, rewardId);
    if (failedConditionAt(error, 0)) throw outOfStock(rewardId);
    throw error;
  }
};

const earlierAttempt = async (redemptionId: string, rewardId: string): Promise<Redemption> => {
  const existing = await getRedemption(redemptionId);
  if (!existing) throw new Error(`Redemption ${redemptionId} exists and yet cannot be read`);
  if (existing.rewardId !== rewardId) throw keyReused();
  return existing;
};
