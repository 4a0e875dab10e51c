import type { Principal } from '@lianxin/shared/auth/principal';
import { AppError } from '@lianxin/shared/errors';
import { type Wish, claim } from '../../domain/wishes/wish';
import { findWish } from '../../store/wishes';
import { loadWish, transition } from './transition';

/**
 * Claim an open wish: a volunteer for themself, an organizer on behalf of a resident unit.
 * A claim retried after it committed finds the wish claimed by the same person: that is success.
 */
export const claimWish = async (wishId: string, claimant: Principal, onBehalfOf: string | undefined, now: Date): Promise<Wish> => {
  try {
    return await transition(await loadWish(wishId), claimant, (w) => claim(w, claimant, onBehalfOf, now), now);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'WISH_NOT_OPEN')) throw error;
    const wish = await findWish(wishId);
    if (wish?.status === 'claimed' && wish.claimedBy === claimant.userId) return wish;
    throw error;
  }
};
