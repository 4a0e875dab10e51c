import { $add, Entity, QueryCommand, UpdateTransaction, item, number, string } from 'dynamodb-toolbox';
import type { Counts, GridShard, Place } from '../domain/stats/counters';
import { keys } from './keys';
import { table } from './table';

/**
 * Participation counters per grid (domain/stats/counters.ts), written in the transactions
 * they count, so reading them is a few key lookups, never a scan. A grid's counters are
 * split over a few shards by activity: the claims of one activity always land on the same
 * shard (they already serialize on their shift), and claims of different activities in one
 * grid seldom collide on the same item. Each shard carries its place, so gsi1 lists a
 * community's shards and gsi2 a street's.
 */
const STATS_SHARDS = 8;

const counter = () => number().optional();

export const GridStatsEntity = new Entity({
  name: 'GridStats',
  table,
  schema: item({
    gridId: string().key(),
    shard: number().key(),
    communityId: string(),
    streetId: string(),
    activitiesPublished: counter(),
    activitiesCancelled: counter(),
    shifts: counter(),
    claimsConfirmed: counter(),
    claimsWaitlisted: counter(),
    claimsCancelled: counter(),
    wishesFulfilled: counter(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ gridId, shard }) => keys.gridStats(gridId, shard),
  timestamps: false,
});

/** A stable shard per activity or wish (a small string hash; nothing secret about it). */
const shardOf = (activityId: string): number => {
  let hash = 0;
  for (const char of activityId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % STATS_SHARDS;
};

/**
 * Add `deltas` to the counters of the activity's grid, in the caller's transaction. The
 * place and index keys are written each time, so the first write creates a complete shard.
 */
export const statsWrite = (place: Place, activityId: string, deltas: Partial<Counts>) => {
  const shard = shardOf(activityId);
  const { gridId, communityId, streetId } = place;
  const added = Object.fromEntries(Object.entries(deltas).filter(([, n]) => n).map(([name, n]) => [name, $add(n)]));
  return GridStatsEntity.build(UpdateTransaction).item({
    gridId,
    shard,
    communityId,
    streetId,
    ...added,
    gsi1pk: keys.statsOfCommunity(communityId),
    gsi1sk: `${gridId}#${shard}`,
    gsi2pk: keys.statsOfStreet(streetId),
    gsi2sk: `${communityId}#${gridId}#${shard}`,
  });
};

/** The shards of one grid, of a community's grids, or of a street's grids: one query, by key. */
export const statsShards = async (scope: { gridId?: string; communityId?: string; streetId?: string }): Promise<GridShard[]> => {
  const query = scope.gridId
    ? { partition: keys.gridStatsPartition(scope.gridId) }
    : scope.communityId
      ? { index: 'gsi1' as const, partition: keys.statsOfCommunity(scope.communityId) }
      : { index: 'gsi2' as const, partition: keys.statsOfStreet(scope.streetId ?? '') };
  const { Items = [] } = await table.build(QueryCommand).entities(GridStatsEntity).query(query).options({ maxPages: Infinity }).send();
  return Items.map(({ gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, shard: _s, ...shard }) => shard);
};
