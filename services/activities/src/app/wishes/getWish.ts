import type { Principal } from '@lianxin/shared/auth/principal';
import type { Wish } from '../../domain/wishes/wish';
import { loadWish } from './transition';
import { viewsFor } from './vetting';

/** One wish, contacts masked unless the caller posted, claimed or vets it. */
export const getWish = async (wishId: string, p: Principal): Promise<Wish> => {
  const [view] = await viewsFor(p, [await loadWish(wishId)]);
  return view!;
};
