import { invalid } from '@lianxin/shared/errors';
import { COUNTERS, type Counts, type GridShard } from './counters';

/** Pure: a grid's shards summed into per-grid, per-community and overall counts. */
export interface GridCounts extends Counts { gridId: string; communityId: string }
export interface CommunityCounts extends Counts { communityId: string; streetId: string }
export interface Participation { totals: Counts; communities: CommunityCounts[]; grids: GridCounts[] }

const zero = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;

const addInto = (sum: Counts, more: Partial<Counts>) => {
  for (const c of COUNTERS) sum[c] += more[c] ?? 0;
};

/** Sum the shards under `keyOf`, keeping the fields `labelOf` names; ordered by key. */
const groupBy = <L extends object>(shards: GridShard[], keyOf: (s: GridShard) => string, labelOf: (s: GridShard) => L): (L & Counts)[] => {
  const groups = new Map<string, L & Counts>();
  for (const shard of shards) {
    const key = keyOf(shard);
    const group = groups.get(key) ?? { ...labelOf(shard), ...zero() };
    addInto(group, shard);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
};

export const participation = (shards: GridShard[]): Participation => {
  const totals = zero();
  for (const shard of shards) addInto(totals, shard);
  return {
    totals,
    communities: groupBy(shards, (s) => s.communityId, ({ communityId, streetId }) => ({ communityId, streetId })),
    grids: groupBy(shards, (s) => s.gridId, ({ gridId, communityId }) => ({ gridId, communityId })),
  };
};

/** The place counts are asked for: exactly one of a grid, a community or a street. */
export type StatsScope = { gridId?: string; communityId?: string; streetId?: string };

const SCOPES = ['gridId', 'communityId', 'streetId'] as const;

/** Exactly one of gridId, communityId, streetId: the counts are for that place (400 naming the fields otherwise). */
export const scopeOf = (query: StatsScope): StatsScope => {
  const named = SCOPES.filter((s) => query[s]);
  if (named.length === 1) return { [named[0]!]: query[named[0]!] };
  const message = 'give exactly one of gridId, communityId, streetId';
  throw invalid(Object.fromEntries((named.length ? named : SCOPES).map((s) => [s, message])), message);
};
