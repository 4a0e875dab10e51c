import type { Principal } from '@lianxin/shared/auth/principal';
import { scopeIds } from '@lianxin/shared/auth/principal';
import { AppError, conflict, notFound } from '@lianxin/shared/errors';
import { events } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { servesGrid } from '../domain/directory';
import { findGrid, findOrganization } from '../store/directory';
import { findWish, saveWish } from './store';
import { type PostWishInput, type Wish, isVetter, planWish } from './wish';

/** The caller's organizations that serve `gridId` (an admin vets whatever the scopes). */
const servingOrgIds = async (p: Principal, gridId: string): Promise<string[]> => {
  const orgIds = scopeIds(p, 'org');
  const orgs = await Promise.all(orgIds.map(findOrganization));
  return orgIds.filter((_, i) => servesGrid(orgs[i], gridId));
};

export const vets = async (p: Principal, wish: Pick<Wish, 'gridId'>): Promise<boolean> =>
  isVetter(p, wish, await servingOrgIds(p, wish.gridId));

export const postWish = async (input: PostWishInput, poster: Principal, now: Date): Promise<Wish> => {
  const grid = await findGrid(input.gridId);
  if (!grid) throw notFound('grid', input.gridId);
  const wish = planWish(newId('wsh', now.getTime()), input, grid, poster, now);
  const event = events.WishPostedV1.make({ wishId: wish.wishId, gridId: wish.gridId, communityId: wish.communityId, postedBy: poster.userId }, poster.userId, now);
  await saveWish(wish, undefined, event);
  return wish;
};

/** The event that records a transition, by the status it reaches. */
const eventOf = (w: Wish, actor: string, now: Date): Envelope => {
  switch (w.status) {
    case 'open':
    case 'rejected':
      return events.WishReviewedV1.make(
        { wishId: w.wishId, outcome: w.status === 'open' ? 'approved' : 'rejected', reviewedBy: actor, ...(w.rejectReason ? { reason: w.rejectReason } : {}) },
        actor,
        now,
      );
    case 'claimed':
      return events.WishClaimedV1.make({ wishId: w.wishId, volunteerId: w.claimedBy!, ...(w.onBehalfOf ? { onBehalfOf: w.onBehalfOf } : {}) }, actor, now);
    case 'fulfilled':
      return events.WishFulfilmentReportedV1.make({ wishId: w.wishId, volunteerId: w.claimedBy!, minutes: w.minutes! }, actor, now);
    case 'confirmed':
      return events.WishFulfilledV1.make(
        { wishId: w.wishId, volunteerId: w.claimedBy!, gridId: w.gridId, communityId: w.communityId, minutes: w.minutes!, confirmedAt: w.confirmedAt! },
        actor,
        now,
      );
    default:
      throw new Error(`No transition reaches ${w.status}`);
  }
};

export interface TransitionContext { actor: Principal; vetter: boolean; now: Date }

/** A domain transition: the wish as it is → the wish as it becomes (or an AppError). */
export type Transition = (wish: Wish, context: TransitionContext) => Wish;

/**
 * Apply a transition and commit it with its event, conditional on the status it was
 * decided on. A wish changed meanwhile is read again, so the answer names its new state.
 */
export const transitionWish = async (wishId: string, actor: Principal, step: Transition, now: Date): Promise<Wish> => {
  const wish = await findWish(wishId);
  if (!wish) throw notFound('wish', wishId);
  const context = { actor, vetter: await vets(actor, wish), now };
  const next = step(wish, context);
  if ((await saveWish(next, wish.status, eventOf(next, actor.userId, now))) === 'saved') return next;
  const current = await findWish(wishId);
  if (current) step(current, context);
  throw conflict('WISH_CHANGED', 'The wish changed meanwhile; read it again');
};

/** A claim retried after it committed finds the wish claimed by the same person: that is success. */
export const claimWish = async (wishId: string, actor: Principal, step: Transition, now: Date): Promise<Wish> => {
  try {
    return await transitionWish(wishId, actor, step, now);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'WISH_NOT_OPEN')) throw error;
    const wish = await findWish(wishId);
    if (wish?.status === 'claimed' && wish.claimedBy === actor.userId) return wish;
    throw error;
  }
};
