import { $add, QueryCommand, UpdateTransaction } from 'dynamodb-toolbox';
import { type Measure, NONE, type Totals, UNASSIGNED, addMeasures, monthsOf } from '../domain/transparency';
import { TransparencyEntity, table } from './table';

/** Add one transfer's amount to its community's month, in the projector's shard. */
export const transparencyWrite = (communityId: string | undefined, month: string, shard: number, measure: Measure, amount: number) => {
  const community = communityId ?? UNASSIGNED;
  return TransparencyEntity.build(UpdateTransaction).item({
    communityId: community, month, shard, [measure]: $add(amount),
    gsi1pk: `TRANSP#${month}`, gsi1sk: `${community}#${String(shard)}`,
  });
};

type Row = { communityId: string } & Partial<Totals>;

const shardsOf = async (month: string, communityId?: string): Promise<Row[]> => {
  const query = communityId
    ? { partition: `TRANSP#${communityId}`, range: { beginsWith: `${month}#` } }
    : { index: 'gsi1' as const, partition: `TRANSP#${month}` };
  const { Items = [] } = await table.build(QueryCommand).entities(TransparencyEntity).query(query).options({ maxPages: Infinity }).send();
  return Items;
};

export interface TransparencyReport {
  period: string;
  communities: ({ communityId: string } & Totals)[];
  total: Totals;
}

/**
 * Points issued, redeemed, expired and corrected per community over a month or a year:
 * the sum of the shards of each month. One community's partition, or every community of
 * each month through gsi1; never a Scan.
 */
export const transparencyReport = async (period: string, communityId?: string): Promise<TransparencyReport> => {
  const rows = (await Promise.all(monthsOf(period).map((m) => shardsOf(m, communityId)))).flat();
  const byCommunity = new Map<string, Totals>();
  for (const row of rows) byCommunity.set(row.communityId, addMeasures(byCommunity.get(row.communityId) ?? NONE, row));
  const communities = [...byCommunity].map(([id, totals]) => ({ communityId: id, ...totals })).sort((a, b) => a.communityId.localeCompare(b.communityId));
  return { period, communities, total: communities.reduce<Totals>(addMeasures, NONE) };
};
