import { z } from '@hono/zod-openapi'; // zod with .openapi(), whichever module loads first
import type { Principal } from '@lianxin/shared/auth/principal';
import { hasRole } from '@lianxin/shared/auth/principal';
import { AppError, conflict, forbidden, invalid } from '@lianxin/shared/errors';

/**
 * A micro-wish (微心愿): a resident's small need, vetted by a community worker, claimed and
 * fulfilled by a volunteer, and confirmed by the resident, which credits the volunteer's hours.
 */
export const WISH_STATUSES = ['pending_review', 'open', 'rejected', 'claimed', 'fulfilled', 'confirmed'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export const PostWishInput = z.object({
  title: z.string().trim().min(1).max(60),
  description: z.string().max(500).default(''),
  gridId: z.string().min(1).max(64),
  address: z.string().trim().min(1).max(200),
  wantedBy: z.iso.date().optional(),
  contactName: z.string().trim().min(1).max(40),
  contactPhone: z.string().trim().regex(/^\+?[0-9-]{5,20}$/, 'a phone number'),
});
export type PostWishInput = z.infer<typeof PostWishInput>;

export const ReasonInput = z.object({ reason: z.string().trim().min(1).max(500) });
export const ClaimWishInput = z.object({ onBehalfOf: z.string().trim().min(1).max(100).optional() });
export const FulfilWishInput = z.object({
  note: z.string().trim().min(1).max(500),
  minutes: z.number().int().min(1).max(480),
  /** Who did the work, when the claim was on behalf of a unit: their hours, not the claimant's. */
  doneBy: z.string().trim().min(1).max(64).optional(),
});
export type FulfilWishInput = z.infer<typeof FulfilWishInput>;

export interface Wish {
  wishId: string;
  title: string;
  description: string;
  gridId: string;
  communityId: string;
  streetId: string;
  address: string;
  wantedBy?: string;
  contactName: string;
  contactPhone: string;
  status: WishStatus;
  postedBy: string;
  postedAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
  rejectReason?: string;
  claimedBy?: string;
  onBehalfOf?: string;
  claimedAt?: string;
  /** The person who did the work (the claimant, or whom an on-behalf claimant named). */
  doneBy?: string;
  fulfilNote?: string;
  minutes?: number;
  fulfilledAt?: string;
  confirmedAt?: string;
}

export interface WishGrid { gridId: string; communityId: string; streetId: string }

export const planWish = (wishId: string, input: PostWishInput, grid: WishGrid, poster: Principal, now: Date): Wish => ({
  wishId,
  title: input.title,
  description: input.description,
  gridId: grid.gridId,
  communityId: grid.communityId,
  streetId: grid.streetId,
  address: input.address,
  ...(input.wantedBy ? { wantedBy: input.wantedBy } : {}),
  contactName: input.contactName,
  contactPhone: input.contactPhone,
  status: 'pending_review',
  postedBy: poster.userId,
  postedAt: now.toISOString(),
});

/**
 * PIPL: what a wish keeps of a poster who closed their account. The pseudonym stands as the
 * contact; the phone and the address are emptied (empty, not absent: every wish has them,
 * and views show nothing for them). Status, claimant and times stay.
 */
export const erasedContact = (pseudonym: string): Pick<Wish, 'contactName' | 'contactPhone' | 'address'> => ({
  contactName: pseudonym,
  contactPhone: '',
  address: '',
});

/** `WISH_NOT_OPEN`, `WISH_NOT_CLAIMED`, …: the wish is not in the state the action needs. */
export const notInState = (wish: Wish, needed: WishStatus) =>
  conflict(`WISH_NOT_${needed.toUpperCase()}`, `The wish is ${wish.status}, not ${needed}`, { status: wish.status });

const requireStatus = (wish: Wish, needed: WishStatus) => {
  if (wish.status !== needed) throw notInState(wish, needed);
};

/**
 * Approve or reject a wish awaiting review. `vetter`: whether the reviewer vets the wish's
 * grid (the policy's `wish.vet`: an admin, or an organizer of an organization serving it).
 */
export const review = (wish: Wish, approved: boolean, reviewer: Principal, vetter: boolean, reason: string | undefined, now: Date): Wish => {
  if (!vetter) throw forbidden('Only a community worker serving the wish\'s grid may review it');
  requireStatus(wish, 'pending_review');
  const reviewed = { ...wish, reviewedBy: reviewer.userId, reviewedAt: now.toISOString() };
  return approved ? { ...reviewed, status: 'open' } : { ...reviewed, status: 'rejected', rejectReason: reason ?? '' };
};

/** A volunteer claims for themself; an organizer only on behalf of a resident unit (驻区单位). */
export const claim = (wish: Wish, claimant: Principal, onBehalfOf: string | undefined, now: Date): Wish => {
  if (onBehalfOf !== undefined && !hasRole(claimant, 'organizer')) throw forbidden('Only an organizer claims on behalf of a unit');
  if (onBehalfOf === undefined && !hasRole(claimant, 'volunteer')) {
    if (hasRole(claimant, 'organizer')) throw invalid({ onBehalfOf: 'required when an organizer claims' });
    throw forbidden('Only a volunteer may claim a wish');
  }
  if (wish.postedBy === claimant.userId) throw new AppError(403, 'OWN_WISH', 'You cannot claim your own wish');
  // The approver would otherwise vouch for a wish they then earn hours from.
  if (wish.reviewedBy === claimant.userId) throw new AppError(403, 'REVIEWER_CANNOT_CLAIM', 'You approved this wish, so someone else must claim it');
  requireStatus(wish, 'open');
  return { ...wish, status: 'claimed', claimedBy: claimant.userId, ...(onBehalfOf ? { onBehalfOf } : {}), claimedAt: now.toISOString() };
};

/** Whose hours the work was: a unit's claimant names the member who did it; anyone else did it themself. */
const doerOf = (wish: Wish, actor: Principal, doneBy: string | undefined): string => {
  if (wish.onBehalfOf !== undefined) {
    if (doneBy === undefined) throw invalid({ doneBy: 'required: who of the unit did the work' });
    return doneBy;
  }
  if (doneBy !== undefined && doneBy !== actor.userId) throw invalid({ doneBy: 'only on a claim on behalf of a unit' });
  return actor.userId;
};

export const fulfil = (wish: Wish, actor: Principal, input: FulfilWishInput, now: Date): Wish => {
  if (wish.claimedBy !== actor.userId) throw forbidden('Only the claimant reports a wish fulfilled');
  requireStatus(wish, 'claimed');
  const doneBy = doerOf(wish, actor, input.doneBy);
  return { ...wish, status: 'fulfilled', fulfilNote: input.note, minutes: input.minutes, doneBy, fulfilledAt: now.toISOString() };
};

export const confirm = (wish: Wish, actor: Principal, now: Date): Wish => {
  if (wish.postedBy !== actor.userId) throw forbidden('Only the resident who posted the wish confirms it');
  requireStatus(wish, 'fulfilled');
  return { ...wish, status: 'confirmed', confirmedAt: now.toISOString() };
};

/** Pending and rejected wishes are between the resident and those who vet the grid. */
const UNDER_REVIEW: readonly WishStatus[] = ['pending_review', 'rejected'];

/** Who may know the wish exists: anyone once it is open, only the poster and vetters before or when rejected. */
export const seesWish = (p: Principal, wish: Wish, vetter: boolean): boolean =>
  !UNDER_REVIEW.includes(wish.status) || vetter || p.userId === wish.postedBy;

/** Who may see where and whose it is: the poster, those who vet the grid and the claimant. */
export const seesDetails = (p: Principal, wish: Wish, vetter: boolean): boolean =>
  vetter || p.userId === wish.postedBy || (wish.claimedBy !== undefined && p.userId === wish.claimedBy);

/** What anyone else sees of a wish: what is needed, not where or for whom. */
export type PublicWish = Omit<Wish, 'address' | 'postedBy' | 'contactName' | 'contactPhone'> & Partial<Wish>;

export const wishView = (wish: Wish, details: boolean): PublicWish => {
  if (details) return wish;
  const { address: _a, postedBy: _p, contactName: _n, contactPhone: _c, ...rest } = wish;
  return rest;
};
