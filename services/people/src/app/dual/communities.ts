import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import { communitiesServed } from '../../domain/directory';
import { listGrids, listOrganizations } from '../../store/directory';

/** The communities served by the organizations a person holds an `org:` scope of. */
export const communitiesOf = async (p: Principal): Promise<string[]> => {
  const mine = new Set(scopeIds(p, 'org'));
  if (!mine.size) return [];
  const [organizations, grids] = await Promise.all([listOrganizations(), listGrids()]);
  return [...new Set(organizations.filter((o) => mine.has(o.orgId)).flatMap((o) => communitiesServed(o, grids)))];
};

/** The organizations serving a community (through one of its grids). */
export const organizationsServing = async (communityId: string): Promise<string[]> => {
  const [organizations, grids] = await Promise.all([listOrganizations(), listGrids()]);
  return organizations.filter((o) => communitiesServed(o, grids).includes(communityId)).map((o) => o.orgId);
};
