import { type Resource, permits } from '@lianxin/shared/auth/policy';
import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import { servesGrid } from '../../domain/directory';
import { type PublicWish, type Wish, seesDetails, seesWish, wishView } from '../../domain/wishes/wish';
import { findOrganization } from '../../store/directory';

/**
 * A wish's grid as a resource of the policy's `wish.vet`: the first of the caller's
 * organizations that serves the grid (none: the caller vets it only as an admin).
 */
export const vettingScope = async (p: Principal, gridId: string): Promise<Resource> => {
  const orgIds = scopeIds(p, 'org');
  const orgs = await Promise.all(orgIds.map(findOrganization));
  const serving = orgIds.find((_, i) => servesGrid(orgs[i], gridId));
  return serving ? { org: serving } : {};
};

/**
 * Wishes as the caller may see them: those under review only for the poster and vetters,
 * the address and the poster only for the poster, the claimant and those who vet the grid
 * (looked up once per grid).
 */
export const viewsFor = async (p: Principal, wishes: Wish[]): Promise<PublicWish[]> => {
  const vetting = new Map<string, Promise<boolean>>();
  const vetsGrid = (gridId: string) => {
    if (!vetting.has(gridId)) vetting.set(gridId, vettingScope(p, gridId).then((scope) => permits(p, 'wish.vet', scope)));
    return vetting.get(gridId)!;
  };
  const views = await Promise.all(wishes.map(async (w) => {
    const vetter = await vetsGrid(w.gridId);
    return seesWish(p, w, vetter) ? wishView(w, seesDetails(p, w, vetter)) : undefined;
  }));
  return views.filter((v): v is PublicWish => v !== undefined);
};
