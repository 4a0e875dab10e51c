import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { claimWish } from '../../app/wishes/claimWish';
import { confirmWish } from '../../app/wishes/confirmWish';
import { fulfilWish } from '../../app/wishes/fulfilWish';
import { getWish } from '../../app/wishes/getWish';
import { listWishes } from '../../app/wishes/listWishes';
import { postWish } from '../../app/wishes/postWish';
import { reviewQueue } from '../../app/wishes/reviewQueue';
import { reviewWish } from '../../app/wishes/reviewWish';
import { ClaimWishInput, FulfilWishInput, ReasonInput } from '../../domain/wishes/wish';
import { EmptyBody, ListWishesQuery, PostWishBody, WishList, WishParams, WishView } from '../schemas/wishes';

const postRoute = securedRoute({
  method: 'post',
  path: '/wishes',
  action: 'wish.post',
  summary: 'Post a micro-wish (微心愿) for review (any signed-in resident)',
  request: { body: jsonBody(PostWishBody) },
  responses: { 201: jsonContent(WishView, 'The wish, pending review'), ...errorResponses(400, 401, 404) },
});

const listRoute = securedRoute({
  method: 'get',
  path: '/wishes',
  action: 'wish.read',
  summary: 'Wishes of a grid or community by status (default open), newest first; those under review only for the poster and vetters; address and poster only for the poster, claimant and vetters',
  request: { query: ListWishesQuery },
  responses: { 200: jsonContent(WishList, 'The wishes'), ...errorResponses(400, 401) },
});

const reviewQueueRoute = securedRoute({
  method: 'get',
  path: '/wishes/review',
  action: 'wish.vet',
  summary: "Wishes awaiting the caller's review: pending in every grid the caller's organizations serve, newest first",
  responses: { 200: jsonContent(WishList, 'The wishes under review'), ...errorResponses(401, 403) },
});

const getRoute = securedRoute({
  method: 'get',
  path: '/wishes/{wishId}',
  action: 'wish.read',
  summary: 'One wish; address and poster only for the poster, claimant and vetters; under review or rejected: 404 for anyone else',
  request: { params: WishParams },
  responses: { 200: jsonContent(WishView, 'The wish'), ...errorResponses(401, 404) },
});

/** `POST /wishes/{wishId}/<step>`: each step of a wish is its own route, with its own body. */
const stepResponses = { 200: jsonContent(WishView, 'The wish in its new state'), ...errorResponses(400, 401, 403, 404, 409, 422) };

const approveRoute = securedRoute({
  method: 'post',
  path: '/wishes/{wishId}/approve',
  action: 'wish.vet',
  summary: 'Approve a wish (community worker serving its grid)',
  request: { params: WishParams, body: jsonBody(EmptyBody) },
  responses: stepResponses,
});

const rejectRoute = securedRoute({
  method: 'post',
  path: '/wishes/{wishId}/reject',
  action: 'wish.vet',
  summary: 'Reject a wish with a reason',
  request: { params: WishParams, body: jsonBody(ReasonInput) },
  responses: stepResponses,
});

const claimRoute = securedRoute({
  method: 'post',
  path: '/wishes/{wishId}/claim',
  action: 'wish.claim',
  idempotent: true,
  summary: 'Claim an open wish (volunteer; organizer on behalf of a unit), Idempotency-Key',
  request: { params: WishParams, headers: IdempotencyHeaders, body: jsonBody(ClaimWishInput) },
  responses: stepResponses,
});

const fulfilRoute = securedRoute({
  method: 'post',
  path: '/wishes/{wishId}/fulfil',
  action: 'wish.fulfil',
  summary: 'Report a claimed wish fulfilled (the claimant)',
  request: { params: WishParams, body: jsonBody(FulfilWishInput) },
  responses: stepResponses,
});

const confirmRoute = securedRoute({
  method: 'post',
  path: '/wishes/{wishId}/confirm',
  action: 'wish.confirm',
  summary: 'Confirm a fulfilled wish (the resident who posted it): credits the hours',
  request: { params: WishParams, body: jsonBody(EmptyBody) },
  responses: stepResponses,
});

export const registerWishRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(postRoute, async (c) => c.json(await postWish(c.req.valid('json'), principalOf(c), now()), 201));

  app.openapi(listRoute, async (c) => c.json({ items: await listWishes(c.req.valid('query'), principalOf(c)) }, 200));

  // Before `/wishes/{wishId}`, which would otherwise take "review" for an id.
  app.openapi(reviewQueueRoute, async (c) => c.json({ items: await reviewQueue(principalOf(c)) }, 200));

  app.openapi(getRoute, async (c) => c.json(await getWish(c.req.valid('param').wishId, principalOf(c)), 200));

  app.openapi(approveRoute, async (c) => c.json(await reviewWish({ wishId: c.req.valid('param').wishId, reviewer: principalOf(c), approved: true }, now()), 200));

  app.openapi(rejectRoute, async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(await reviewWish({ wishId: c.req.valid('param').wishId, reviewer: principalOf(c), approved: false, reason }, now()), 200);
  });

  app.openapi(claimRoute, async (c) => c.json(await claimWish(c.req.valid('param').wishId, principalOf(c), c.req.valid('json').onBehalfOf, now()), 200));

  app.openapi(fulfilRoute, async (c) => c.json(await fulfilWish(c.req.valid('param').wishId, principalOf(c), c.req.valid('json'), now()), 200));

  app.openapi(confirmRoute, async (c) => c.json(await confirmWish(c.req.valid('param').wishId, principalOf(c), now()), 200));
};
