import type { Principal } from '@lianxin/shared/auth/principal';
import { conflict, notFound } from '@lianxin/shared/errors';
import type { Wish } from '../../domain/wishes/wish';
import { type TransitionContext, wishTransitioned } from '../../events/publish';
import { findWish, saveWish } from '../../store/wishes';

export const loadWish = async (wishId: string): Promise<Wish> => {
  const wish = await findWish(wishId);
  if (!wish) throw notFound('wish', wishId);
  return wish;
};

/**
 * Apply a domain transition (the wish as it is → the wish as it becomes, or a refusal) and
 * commit it with its event, conditional on the status it was decided on. A wish changed
 * meanwhile is read again, so the answer names its new state.
 */
export const transition = async (wish: Wish, actor: Principal, step: (wish: Wish) => Wish, now: Date, context?: TransitionContext): Promise<Wish> => {
  const next = step(wish);
  if ((await saveWish(next, wish.status, wishTransitioned(next, actor.userId, now, context))) === 'saved') return next;
  const current = await findWish(wish.wishId);
  if (current) step(current);
  throw conflict('WISH_CHANGED', 'The wish changed meanwhile; read it again');
};
