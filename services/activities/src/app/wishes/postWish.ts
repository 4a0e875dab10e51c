import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { newId } from '@lianxin/shared/ids';
import { type PostWishInput, type Wish, planWish } from '../../domain/wishes/wish';
import { wishPosted } from '../../events/publish';
import { findGrid } from '../../store/directory';
import { saveWish } from '../../store/wishes';

/** A resident posts a wish in a grid; it waits for review. */
export const postWish = async (input: PostWishInput, poster: Principal, now: Date): Promise<Wish> => {
  const grid = await findGrid(input.gridId);
  if (!grid) throw notFound('grid', input.gridId);
  const wish = planWish(newId('wsh', now.getTime()), input, grid, poster, now);
  await saveWish(wish, undefined, wishPosted(wish, now));
  return wish;
};
