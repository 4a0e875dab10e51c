import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import type { PublicWish } from '../../domain/wishes/wish';
import { loadWish } from './transition';
import { viewsFor } from './vetting';

/** One wish as the caller may see it; one they may not know of is not found. */
export const getWish = async (wishId: string, p: Principal): Promise<PublicWish> => {
  const [view] = await viewsFor(p, [await loadWish(wishId)]);
  if (!view) throw notFound('wish', wishId);
  return view;
};
