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
    address: z.string().optional().openapi({ description: 'Only for the poster, the claimant and those who vet the wish' }),
    wantedBy: optional,
    contactName: z.string().optional().openapi({ description: 'Likewise' }),
    contactPhone: z.string().optional().openapi({ description: 'Likewise' }),
    status: z.enum(WISH_STATUSES),
    postedBy: z.string().optional().openapi({ description: 'Likewise' }),
    postedAt: z.string(),
    reviewedBy: optional,
    reviewedAt: optional,
    rejectReason: optional,
    claimedBy: optional,
    onBehalfOf: optional,
    claimedAt: optional,
    doneBy: optional,
    fulfilNote: optional,
    minutes: z.number().int().optional(),
    fulfilledAt: optional,
    confirmedAt: optional,
  })
  .openapi('Wish');

export const WishList = z.object({ items: z.array(WishView) });

export const WishParams = pathId('wishId');

export const ListWishesQuery = z.object({
  gridId: z.string().min(1).max(64).optional(),
  communityId: z.string().min(1).max(64).optional(),
  status: z.enum(WISH_STATUSES).default('open'),
});
