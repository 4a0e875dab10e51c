import type { Principal } from '@lianxin/shared/auth/principal';
import { type Wish, confirm } from '../../domain/wishes/wish';
import { organizationsServing } from '../../store/directory';
import { loadWish, transition } from './transition';

/**
 * The resident who posted the wish confirms it fulfilled. `WishFulfilled` names the
 * organizations serving the wish's grid: hours waits for one of their organizers to verify.
 */
export const confirmWish = async (wishId: string, resident: Principal, now: Date): Promise<Wish> => {
  const wish = await loadWish(wishId);
  const orgIds = await organizationsServing(wish.gridId);
  return transition(wish, resident, (w) => confirm(w, resident, now), now, { orgIds });
};
