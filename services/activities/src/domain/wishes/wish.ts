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
export const FulfilWishInput = z.object({ note: z.string().trim().min(1).max(500), minutes: z.number().int().min(1).max(480) });
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
  requireStatus(wish, 'open');
  return { ...wish, status: 'claimed', claimedBy: claimant.userId, ...(onBehalfOf ? { onBehalfOf } : {}), claimedAt: now.toISOString() };
};

export const fulfil = (wish: Wish, actor: Principal, input: FulfilWishInput, now: Date): Wish => {
  if (wish.claimedBy !== actor.userId) throw forbidden('Only the claimant reports a wish fulfilled');
  requireStatus(wish, 'claimed');
  return { ...wish, status: 'fulfilled', fulfilNote: input.note, minutes: input.minutes, fulfilledAt: now.toISOString() };
};

export const confirm = (wish: Wish, actor: Principal, now: Date): Wish => {
  if (wish.postedBy !== actor.userId) throw forbidden('Only the resident who posted the wish confirms it');
  requireStatus(wish, 'fulfilled');
  return { ...wish, status: 'confirmed', confirmedAt: now.toISOString() };
};

/** `13812345678` → `138****5678`; shorter numbers keep only their last two digits. */
export const maskPhone = (phone: string): string =>
  phone.length >= 8 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `****${phone.slice(-2)}`;

/** `张三` → `张*`, `欧阳娜娜` → `欧***` (code points, not UTF-16 units). */
export const maskName = (name: string): string => {
  const [first = '', ...rest] = Array.from(name);
  return first + '*'.repeat(Math.max(1, rest.length));
};

/** Contact details in full only for the poster, the claimant, and community workers vetting the grid. */
export const seesContact = (p: Principal, wish: Wish, vetter: boolean): boolean =>
  vetter || p.userId === wish.postedBy || (wish.claimedBy !== undefined && p.userId === wish.claimedBy);

export const wishView = (wish: Wish, fullContact: boolean): Wish =>
  fullContact ? wish : { ...wish, contactName: maskName(wish.contactName), contactPhone: maskPhone(wish.contactPhone) };
