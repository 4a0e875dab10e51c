import type { Principal } from '@lianxin/shared/auth/principal';
import { invalid } from '@lianxin/shared/errors';
import type { PublicWish, WishStatus } from '../../domain/wishes/wish';
import { listWishes as wishesOf } from '../../store/wishes';
import { viewsFor } from './vetting';

export interface WishQuery { gridId?: string; communityId?: string; status: WishStatus }

/** The newest wishes of a grid or community (by default the caller's grid) in one status, as the caller may see them. */
export const listWishes = async ({ gridId, communityId, status }: WishQuery, p: Principal): Promise<PublicWish[]> => {
  const where = gridId ? { gridId } : communityId ? { communityId } : p.gridId ? { gridId: p.gridId } : undefined;
  if (!where) throw invalid({ gridId: 'gridId or communityId is required' });
  return viewsFor(p, await wishesOf(where, status));
};
