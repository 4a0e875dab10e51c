import type { Alliance, Merchant, Reward } from '../domain/catalog';
import { putAlliance, putMerchant, putRewardKeepingStock } from '../store/catalog';

/** The demo's shapes, as infra/src/demo/district.ts declares them. */
export type MerchantSeed = Omit<Merchant, 'allianceId'>;
export type RewardSeed = Omit<Reward, 'merchantName'>;

/**
 * Write the alliance, its shops and their rewards. Idempotent: seeding again refreshes the
 * descriptions but keeps a reward's live stock (only a new reward gets its initial stock).
 */
export const seedRedemption = async (input: { alliance: Alliance; merchants: MerchantSeed[]; rewards: RewardSeed[] }) => {
  const { alliance, merchants, rewards } = input;
  await putAlliance(alliance);
  const shopNames = new Map(merchants.map((m) => [m.merchantId, m.name]));
  for (const merchant of merchants) await putMerchant({ ...merchant, allianceId: alliance.allianceId });
  for (const reward of rewards) {
    const merchantName = shopNames.get(reward.merchantId);
    if (!merchantName) throw new Error(`Reward ${reward.rewardId} names an unknown merchant ${reward.merchantId}`);
    await putRewardKeepingStock({ ...reward, merchantName });
  }
  return { merchants: merchants.length, rewards: rewards.length };
};
