import { $add, QueryCommand, UpdateTransaction } from 'dynamodb-toolbox';
import { type AwardRow, type Measure, type TransparencyRow, UNASSIGNED, monthsOf } from '../domain/transparency';
import { TransparencyAwardEntity, TransparencyEntity, table } from './table';

/** Add one transfer's amount to its community's month, in the projector's shard. */
export const transparencyWrite = (communityId: string | undefined, month: string, shard: number, measure: Measure, amount: number) => {
  const community = communityId ?? UNASSIGNED;
  return TransparencyEntity.build(UpdateTransaction).item({
    communityId: community, month, shard, [measure]: $add(amount),
    gsi1pk: `TRANSP#${month}`, gsi1sk: `${community}#${String(shard)}`,
  });
};

/** Add one award to its awarder's figures in the community's month, in the projector's shard. */
export const awardWrite = (awardedBy: string, communityId: string | undefined, month: string, shard: number, amount: number) => {
  const community = communityId ?? UNASSIGNED;
  return TransparencyAwardEntity.build(UpdateTransaction).item({
    communityId: community, month, awardedBy, shard, points: $add(amount), count: $add(1),
    gsi1pk: `TRANSPAWARD#${month}`, gsi1sk: `${community}#${awardedBy}#${String(shard)}`,
  });
};

/** One month's shards of an entity: one community's partition, or every community's through gsi1. */
const shardsOf = async <E extends typeof TransparencyEntity | typeof TransparencyAwardEntity>(entity: E, prefix: string, month: string, communityId?: string) => {
  const query = communityId
    ? { partition: `${prefix}#${communityId}`, range: { beginsWith: `${month}#` } }
    : { index: 'gsi1' as const, partition: `${prefix}#${month}` };
  const { Items = [] } = await table.build(QueryCommand).entities(entity).query(query).options({ maxPages: Infinity }).send();
  return Items;
};

/**
 * The aggregate and award shards of each month of a period: one community's partitions,
 * or every community of each month through gsi1; never a Scan.
 */
export const transparencyRows = async (period: string, communityId?: string): Promise<{ rows: TransparencyRow[]; awards: AwardRow[] }> => {
  const months = monthsOf(period);
  const [rows, awards] = await Promise.all([
    Promise.all(months.map((m) => shardsOf(TransparencyEntity, 'TRANSP', m, communityId))),
    Promise.all(months.map((m) => shardsOf(TransparencyAwardEntity, 'TRANSPAWARD', m, communityId))),
  ]);
  return { rows: rows.flat() as TransparencyRow[], awards: awards.flat() as AwardRow[] };
};
