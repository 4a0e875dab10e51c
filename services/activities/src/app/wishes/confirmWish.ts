import type { Principal } from '@lianxin/shared/auth/principal';
import { type Wish, confirm } from '../../domain/wishes/wish';
import { loadWish, transition } from './transition';

/** The resident who posted the wish confirms it fulfilled: `WishFulfilled` credits the volunteer's hours. */
export const confirmWish = async (wishId: string, resident: Principal, now: Date): Promise<Wish> =>
  transition(await loadWish(wishId), resident, (w) => confirm(w, resident, now), now);
