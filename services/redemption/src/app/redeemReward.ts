import type { Principal } from '@lianxin/shared/auth/principal';
import { keyReused, notFound } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import { outOfStock } from '../domain/errors';
import { type Redemption, requestRedemption } from '../domain/redemption';
import { redemptionRequested } from '../events/publish';
import { getReward } from '../store/catalog';
import { loadRedemption } from '../store/redemptions';
import { commitRequest } from '../store/requests';

/**
 * Reserve one unit, record the pending redemption and ask the ledger for a hold, all at
 * once. The id comes from the volunteer and the Idempotency-Key: a retry finds the first one.
 */
export const redeemReward = async (
  input: { rewardId: string; volunteer: Principal; idempotencyKey: string },
  now: Date,
): Promise<Redemption> => {
  const { rewardId, volunteer, idempotencyKey } = input;
  const reward = await getReward(rewardId);
  if (!reward) throw notFound('reward', rewardId);
  const redemptionId = idFromKey('rdm', volunteer.userId, idempotencyKey);
  const redemption = requestRedemption({ redemptionId, reward, volunteerId: volunteer.userId, volunteerName: volunteer.name }, now);
  const outcome = await commitRequest(redemption, redemptionRequested(redemption, now));
  if (outcome === 'outOfStock') throw outOfStock(rewardId);
  return outcome === 'exists' ? earlierAttempt(redemptionId, rewardId) : redemption;
};

const earlierAttempt = async (redemptionId: string, rewardId: string): Promise<Redemption> => {
  const existing = await loadRedemption(redemptionId);
  if (!existing) throw new Error(`Redemption ${redemptionId} exists and yet cannot be read`);
  if (existing.rewardId !== rewardId) throw keyReused();
  return existing;
};
