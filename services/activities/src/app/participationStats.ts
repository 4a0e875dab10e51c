import { type Participation, type StatsScope, participation, scopeOf } from '../domain/stats/participation';
import { statsShards } from '../store/stats';

/** The participation counts of one grid, community or street, per grid and per community. */
export const participationStats = async (query: StatsScope): Promise<Participation & { scope: StatsScope }> => {
  const scope = scopeOf(query);
  return { scope, ...participation(await statsShards(scope)) };
};
