import { $add, QueryCommand, UpdateTransaction } from 'dynamodb-toolbox';
import { type Measure, type TransparencyRow, UNASSIGNED, monthsOf } from '../domain/transparency';
import { TransparencyEntity, table } from './table';

/** Add one transfer's amount to its community's month, in the projector's shard. */
export const transparencyWrite = (communityId: string | undefined, month: string, shard: number, measure: Measure, amount: number) => {
  const community = communityId ?? UNASSIGNED;
  return TransparencyEntity.build(UpdateTransaction).item({
    communityId: community, month, shard, [measure]: $add(amount),
    gsi1pk: `TRANSP#${month}`, gsi1sk: `${community}#${String(shard)}`,
  });
};

const shardsOf = async (month: string, communityId?: string): Promise<TransparencyRow[]> => {
  const query = communityId
    ? { partition: `TRANSP#${communityId}`, range: { beginsWith: `${month}#` } }
    : { index: 'gsi1' as const, partition: `TRANSP#${month}` };
  const { Items = [] } = await table.build(QueryCommand).entities(TransparencyEntity).query(query).options({ maxPages: Infinity }).send();
  return Items;
};

/**
 * The aggregate shards of each month of a period: one community's partition, or every
 * community of each month through gsi1; never a Scan.
 */
export const transparencyRows = async (period: string, communityId?: string): Promise<TransparencyRow[]> =>
  (await Promise.all(monthsOf(period).map((m) => shardsOf(m, communityId)))).flat();
