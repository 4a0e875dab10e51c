import { authorize } from '@lianxin/shared/auth/policy';
import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import type { GridEntry } from '../domain/directory';
import { type Participation, type StatsScope, participation, scopeOf } from '../domain/stats/participation';
import { findGrid, findOrganization } from '../store/directory';
import { statsShards } from '../store/stats';

/** The first of the caller's organizations serving a grid inside the place (none: only an admin may read it). */
const servingOrganization = async (p: Principal, scope: StatsScope): Promise<string | undefined> => {
  const inPlace = (g: GridEntry | undefined) =>
    g !== undefined && (scope.gridId ? g.gridId === scope.gridId : scope.communityId ? g.communityId === scope.communityId : g.streetId === scope.streetId);
  for (const orgId of scopeIds(p, 'org')) {
    const grids = await Promise.all(((await findOrganization(orgId))?.gridIds ?? []).map(findGrid));
    if (grids.some(inPlace)) return orgId;
  }
  return undefined;
};

/**
 * The participation counts of one grid, community or street, per grid and per community:
 * an organizer reads the places their organizations serve a grid in, an admin any.
 */
export const participationStats = async (query: StatsScope, p: Principal): Promise<Participation & { scope: StatsScope }> => {
  const scope = scopeOf(query);
  const org = await servingOrganization(p, scope);
  authorize(p, 'stats.read', org === undefined ? {} : { org });
  return { scope, ...participation(await statsShards(scope)) };
};
