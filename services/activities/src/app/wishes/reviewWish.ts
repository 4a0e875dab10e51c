import { authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { type Wish, review } from '../../domain/wishes/wish';
import { loadWish, transition } from './transition';
import { vettingScope } from './vetting';

export interface ReviewCommand { wishId: string; reviewer: Principal; approved: boolean; reason?: string }

/** Approve or reject a wish awaiting review: community workers serving its grid, or an admin. */
export const reviewWish = async ({ wishId, reviewer, approved, reason }: ReviewCommand, now: Date): Promise<Wish> => {
  const wish = await loadWish(wishId);
  authorize(reviewer, 'wish.vet', await vettingScope(reviewer, wish.gridId));
  return transition(wish, reviewer, (w) => review(w, approved, reviewer, true, reason, now), now);
};
