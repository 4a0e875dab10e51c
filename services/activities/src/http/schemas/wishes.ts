import { z } from '@hono/zod-openapi';
import { pathId } from '@lianxin/shared/http/openapi';
import { PostWishInput, WISH_STATUSES } from '../../domain/wishes/wish';

export const PostWishBody = PostWishInput.openapi('PostWish');
/** Approve and confirm take no fields. */
export const EmptyBody = z.object({});

const optional = z.string().optional();

export const WishView = z
  .object({
    wishId: z.string(),
    title: z.string(),
    description: z.string(),
    gridId: z.string(),
    communityId: z.string(),
    streetId: z.string(),
    address: z.string(),
    wantedBy: optional,
    contactName: z.string().openapi({ description: 'Masked (张*) unless the caller posted, claimed or vets the wish' }),
    contactPhone: z.string().openapi({ description: 'Masked (138****5678) likewise' }),
    status: z.enum(WISH_STATUSES),
    postedBy: z.string(),
    postedAt: z.string(),
    reviewedBy: optional,
    reviewedAt: optional,
    rejectReason: optional,
    claimedBy: optional,
    onBehalfOf: optional,
    claimedAt: optional,
    fulfilNote: optional,
    minutes: z.number().int().optional(),
    fulfilledAt: optional,
    confirmedAt: optional,
  })
  .openapi('Wish');

export const WishList = z.object({ items: z.array(WishView) });

export const WishParams = pathId('wishId');

export const ListWishesQuery = z.object({
  gridId: z.string().min(1).optional(),
  communityId: z.string().min(1).optional(),
  status: z.enum(WISH_STATUSES).default('open'),
});
