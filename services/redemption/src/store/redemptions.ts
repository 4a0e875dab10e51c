import { Entity, GetItemCommand, PutTransaction, QueryCommand, boolean, item, number, string } from 'dynamodb-toolbox';
import { REDEMPTION_STATUSES, type Redemption } from '../domain/redemption';
import { table } from './table';

/**
 * A redemption item. gsi1 lists a volunteer's redemptions, gsi2 a shop's, newest last in
 * the sort order (`REDEMPTION#<createdAt>#<id>`).
 */
const RedemptionEntity = new Entity({
  name: 'Redemption',
  table,
  schema: item({
    redemptionId: string().key(),
    rewardId: string(),
    rewardTitle: string(),
    merchantId: string(),
    merchantName: string(),
    volunteerId: string(),
    displayName: string().optional(),
    points: number(),
    status: string().enum(...REDEMPTION_STATUSES),
    holdExpiresAt: string(),
    holdId: string().optional(),
    code: string().optional(),
    // Not `expiresAt`: that name is the table's TTL attribute.
    expiresAt: string().optional().savedAs('codeExpiresAt'),
    failureReason: string().optional(),
    confirmedBy: string().optional(),
    stockReturned: boolean(),
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ redemptionId }) => ({ pk: `REDEMPTION#${redemptionId}`, sk: 'REDEMPTION' }),
  timestamps: false,
});

const sortKey = (r: Redemption) => `REDEMPTION#${r.createdAt}#${r.redemptionId}`;

const toItem = (r: Redemption) => ({
  ...r,
  gsi1pk: `VOLUNTEER#${r.volunteerId}`,
  gsi1sk: sortKey(r),
  gsi2pk: `MERCHANT#${r.merchantId}`,
  gsi2sk: sortKey(r),
});

const toRedemption = ({ gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, ...r }: ReturnType<typeof toItem>): Redemption => r;

export const loadRedemption = async (redemptionId: string): Promise<Redemption | undefined> => {
  const { Item } = await RedemptionEntity.build(GetItemCommand).key({ redemptionId }).options({ consistent: true }).send();
  return Item && toRedemption(Item);
};

/** The first write of a redemption; it exists at most once per id. */
export const createRedemption = (r: Redemption) =>
  RedemptionEntity.build(PutTransaction).item(toItem(r)).options({ condition: { attr: 'redemptionId', exists: false } });

/** A later state, written only if nobody changed the redemption since `expectedVersion` was read. */
export const replaceRedemption = (r: Redemption, expectedVersion: number) =>
  RedemptionEntity.build(PutTransaction).item(toItem(r)).options({ condition: { attr: 'version', eq: expectedVersion } });

const LIST_LIMIT = 100;

/** A volunteer's (gsi1) or a shop's (gsi2) redemptions, oldest first. */
const redemptionsBy = (by: { volunteerId: string } | { merchantId: string }) => {
  const query = 'volunteerId' in by
    ? ({ index: 'gsi1', partition: `VOLUNTEER#${by.volunteerId}` } as const)
    : ({ index: 'gsi2', partition: `MERCHANT#${by.merchantId}` } as const);
  return table.build(QueryCommand).entities(RedemptionEntity).query({ ...query, range: { beginsWith: 'REDEMPTION#' } });
};

/** Newest first: a volunteer's own (`VOLUNTEER`) or a shop's (`MERCHANT`) redemptions. */
export const listRedemptions = async (by: { volunteerId: string } | { merchantId: string }): Promise<Redemption[]> => {
  const { Items = [] } = await redemptionsBy(by).options({ reverse: true, limit: LIST_LIMIT }).send();
  return Items.map(toRedemption);
};

/** Every redemption of a volunteer, page after page of their own partition (an erasure must reach them all). */
export const allRedemptionsOf = async (volunteerId: string): Promise<Redemption[]> => {
  const { Items = [] } = await redemptionsBy({ volunteerId }).options({ maxPages: Number.POSITIVE_INFINITY }).send();
  return Items.map(toRedemption);
};
