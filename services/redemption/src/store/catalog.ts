import { Entity, GetItemCommand, PutItemCommand, QueryCommand, UpdateItemCommand, UpdateTransaction, $add, $get, item, number, string } from 'dynamodb-toolbox';
import type { Alliance, Merchant, Reward } from '../domain/catalog';
import { table } from './table';

/** The alliance and its shops; rewards carry the shop's name so listing them needs no join. */
const AllianceEntity = new Entity({
  name: 'Alliance',
  table,
  schema: item({ allianceId: string().key(), name: string(), nameEn: string(), pointValueFen: number() }),
  computeKey: ({ allianceId }) => ({ pk: `ALLIANCE#${allianceId}`, sk: 'ALLIANCE' }),
  timestamps: false,
});

const MerchantEntity = new Entity({
  name: 'Merchant',
  table,
  schema: item({
    merchantId: string().key(),
    allianceId: string(),
    name: string(),
    nameEn: string(),
    kind: string(),
    gridId: string(),
    address: string(),
  }),
  computeKey: ({ merchantId }) => ({ pk: `MERCHANT#${merchantId}`, sk: 'MERCHANT' }),
  timestamps: false,
});

/** Rewards are listed through gsi1: one `REWARD` partition sorted by shop, then reward. */
const REWARD_INDEX = 'REWARD';
const rewardIndexKeys = (r: Pick<Reward, 'merchantId' | 'rewardId'>) => ({
  gsi1pk: REWARD_INDEX,
  gsi1sk: `${r.merchantId}#${r.rewardId}`,
});

const RewardEntity = new Entity({
  name: 'Reward',
  table,
  schema: item({
    rewardId: string().key(),
    merchantId: string(),
    merchantName: string(),
    title: string(),
    titleEn: string(),
    points: number(),
    stock: number(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ rewardId }) => ({ pk: `REWARD#${rewardId}`, sk: 'REWARD' }),
  timestamps: false,
});

const toReward = ({ rewardId, merchantId, merchantName, title, titleEn, points, stock }: Reward): Reward => ({
  rewardId, merchantId, merchantName, title, titleEn, points, stock,
});

export const getReward = async (rewardId: string): Promise<Reward | undefined> => {
  const { Item } = await RewardEntity.build(GetItemCommand).key({ rewardId }).options({ consistent: true }).send();
  return Item && toReward(Item);
};

export const findRewards = async (merchantId?: string): Promise<Reward[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(RewardEntity)
    .query({ index: 'gsi1', partition: REWARD_INDEX, ...(merchantId ? { range: { beginsWith: `${merchantId}#` } } : {}) })
    .options({ maxPages: Infinity })
    .send();
  return Items.map(toReward);
};

/** Reserve one unit; the condition is what makes the last unit go to one volunteer only. */
export const takeStock = (rewardId: string) =>
  RewardEntity.build(UpdateTransaction).item({ rewardId, stock: $add(-1) }).options({ condition: { attr: 'stock', gt: 0 } });

export const returnStock = (rewardId: string) =>
  RewardEntity.build(UpdateTransaction).item({ rewardId, stock: $add(1) }).options({ condition: { attr: 'rewardId', exists: true } });

export const putAlliance = (alliance: Alliance) => AllianceEntity.build(PutItemCommand).item(alliance).send();

export const putMerchant = (merchant: Merchant) => MerchantEntity.build(PutItemCommand).item(merchant).send();

/** Write a reward's description; its `stock` is only the initial one: a live stock is kept. */
export const putRewardKeepingStock = ({ stock, ...reward }: Reward) =>
  RewardEntity.build(UpdateItemCommand)
    .item({ ...reward, stock: $get('stock', stock), ...rewardIndexKeys(reward) })
    .send();
