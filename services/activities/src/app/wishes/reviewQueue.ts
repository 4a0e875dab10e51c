import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import type { PublicWish } from '../../domain/wishes/wish';
import { findGrid, findOrganization } from '../../store/directory';
import { listWishes as wishesOf } from '../../store/wishes';
import { viewsFor } from './vetting';

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/**
 * The wishes awaiting the caller's review: pending in any grid one of the caller's
 * organizations serves. Read per served community (one query each, bounded by the
 * organizations' reach), then narrowed to the served grids, newest first.
 */
export const reviewQueue = async (p: Principal): Promise<PublicWish[]> => {
  const organizations = await Promise.all(scopeIds(p, 'org').map(findOrganization));
  const gridIds = unique(organizations.flatMap((o) => o?.gridIds ?? []));
  const grids = await Promise.all(gridIds.map(findGrid));
  const communityIds = unique(grids.flatMap((g) => (g ? [g.communityId] : [])));
  const pending = (await Promise.all(communityIds.map((communityId) => wishesOf({ communityId }, 'pending_review')))).flat();
  const served = new Set(gridIds);
  const mine = pending.filter((w) => served.has(w.gridId)).sort((a, b) => b.postedAt.localeCompare(a.postedAt));
  return viewsFor(p, mine);
};
