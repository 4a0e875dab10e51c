import { PutItemCommand, UpdateItemCommand, $get } from 'dynamodb-toolbox';
import { AllianceEntity, MerchantEntity, RewardEntity, rewardIndexKeys } from './store/catalog';

/** The demo's shapes, as infra/src/demo/district.ts declares them. */
export interface AllianceSeed { allianceId: string; name: string; nameEn: string; pointValueFen: number }
export interface MerchantSeed { merchantId: string; name: string; nameEn: string; kind: string; gridId: string; address: string }
export interface RewardSeed { rewardId: string; merchantId: string; title: string; titleEn: string; points: number; stock: number }

/**
 * Write the alliance, its shops and their rewards. Idempotent: seeding again refreshes the
 * descriptions but keeps a reward's live stock (only a new reward gets its initial stock).
 */
export const seedRedemption = async (input: { alliance: AllianceSeed; merchants: MerchantSeed[]; rewards: RewardSeed[] }) => {
  const { alliance, merchants, rewards } = input;
  await AllianceEntity.build(PutItemCommand).item(alliance).send();
  const shopNames = new Map(merchants.map((m) => [m.merchantId, m.name]));
  for (const merchant of merchants) {
    await MerchantEntity.build(PutItemCommand).item({ ...merchant, allianceId: alliance.allianceId }).send();
  }
  for (const { stock, ...reward } of rewards) {
    const merchantName = shopNames.get(reward.merchantId);
    if (!merchantName) throw new Error(`Reward ${reward.rewardId} names an unknown merchant ${reward.merchantId}`);
    await RewardEntity.build(UpdateItemCommand)
      .item({ ...reward, merchantName, stock: $get('stock', stock), ...rewardIndexKeys(reward) })
      .send();
  }
  return { merchants: merchants.length, rewards: rewards.length };
};
