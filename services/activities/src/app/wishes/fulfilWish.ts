import type { Principal } from '@lianxin/shared/auth/principal';
import { type FulfilWishInput, type Wish, fulfil } from '../../domain/wishes/wish';
import { loadWish, transition } from './transition';

/** The claimant reports the wish fulfilled, with the minutes it took. */
export const fulfilWish = async (wishId: string, claimant: Principal, report: FulfilWishInput, now: Date): Promise<Wish> =>
  transition(await loadWish(wishId), claimant, (w) => fulfil(w, claimant, report, now), now);
