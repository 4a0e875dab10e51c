import { z } from '@hono/zod-openapi';
import type { Principal } from '@lianxin/shared/auth/principal';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { invalid, notFound } from '@lianxin/shared/errors';
import { idempotent } from '@lianxin/shared/http/idempotency';
import { errors, json } from '../http/openapi';
import { jsonBody, pathId, signedInRoute } from './routing';
import { table } from '../store/table';
import { type Transition, claimWish, postWish, transitionWish, vets } from './commands';
import { findWish, listWishes } from './store';
import { ClaimWishInput, FulfilWishInput, PostWishInput, ReasonInput, WISH_STATUSES, type Wish, claim, confirm, fulfil, review, seesContact, wishView } from './wish';

const optional = z.string().optional();

const WishView = z
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

const WishParams = pathId('wishId');

const ListWishesQuery = z.object({
  gridId: z.string().min(1).optional(),
  communityId: z.string().min(1).optional(),
  status: z.enum(WISH_STATUSES).default('open'),
});

const postRoute = signedInRoute({
  method: 'post',
  path: '/wishes',
  summary: 'Post a micro-wish (微心愿) for review (any signed-in resident)',
  request: jsonBody(PostWishInput.openapi('PostWish')),
  responses: { 201: json(WishView, 'The wish, pending review'), ...errors(400, 401, 404) },
});

const listRoute = signedInRoute({
  method: 'get',
  path: '/wishes',
  summary: 'Wishes of a grid or community by status (default open), newest first; contacts masked',
  request: { query: ListWishesQuery },
  responses: { 200: json(z.object({ items: z.array(WishView) }), 'The wishes'), ...errors(400, 401) },
});

const getRoute = signedInRoute({
  method: 'get',
  path: '/wishes/{wishId}',
  summary: 'One wish; contacts masked unless the caller posted, claimed or vets it',
  request: { params: WishParams },
  responses: { 200: json(WishView, 'The wish'), ...errors(401, 404) },
});

/** `POST /wishes/{wishId}/<action>`: each action is its own route, with its own body. */
const actionRoute = <S extends z.ZodType>(action: string, summary: string, schema: S, extra: MiddlewareHandler<AppEnv>[] = []) =>
  signedInRoute(
    {
      method: 'post',
      path: `/wishes/{wishId}/${action}`,
      summary,
      request: { params: WishParams, ...jsonBody(schema) },
      responses: { 200: json(WishView, 'The wish in its new state'), ...errors(400, 401, 403, 404, 409, 422) },
    },
    ...extra,
  );

const Empty = z.object({});

/** Views of several wishes: whether the caller vets a grid is looked up once per grid. */
const viewsFor = async (p: Principal, wishes: Wish[]) => {
  const vetting = new Map<string, Promise<boolean>>();
  const vetsGrid = (w: Wish) => {
    if (!vetting.has(w.gridId)) vetting.set(w.gridId, vets(p, w));
    return vetting.get(w.gridId)!;
  };
  return Promise.all(wishes.map(async (w) => wishView(w, seesContact(p, w, await vetsGrid(w)))));
};

export const registerWishRoutes = (app: ServiceApp, clock: () => Date = () => new Date()) => {
  app.openapi(postRoute, async (c) => c.json(await postWish(c.req.valid('json'), principalOf(c), clock()), 201));

  app.openapi(listRoute, async (c) => {
    const { gridId, communityId, status } = c.req.valid('query');
    const p = principalOf(c);
    const where = gridId ? { gridId } : communityId ? { communityId } : p.gridId ? { gridId: p.gridId } : undefined;
    if (!where) throw invalid({ gridId: 'gridId or communityId is required' });
    return c.json({ items: await viewsFor(p, await listWishes(where, status)) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { wishId } = c.req.valid('param');
    const wish = await findWish(wishId);
    if (!wish) throw notFound('wish', wishId);
    const [view] = await viewsFor(principalOf(c), [wish]);
    return c.json(view!, 200);
  });

  const act = (route: ReturnType<typeof actionRoute>, stepOf: (input: never) => Transition, run = transitionWish) =>
    app.openapi(route, async (c) => {
      const step = stepOf(c.req.valid('json') as never);
      const actor = principalOf(c);
      const wish = await run(c.req.valid('param').wishId, actor, step, clock());
      return c.json(wishView(wish, true), 200);
    });

  act(actionRoute('approve', 'Approve a wish (community worker serving its grid)', Empty), () => (w, { actor, vetter, now }) => review(w, true, actor, vetter, undefined, now));
  act(actionRoute('reject', 'Reject a wish with a reason', ReasonInput), ({ reason }: z.infer<typeof ReasonInput>) => (w, { actor, vetter, now }) => review(w, false, actor, vetter, reason, now));
  act(
    actionRoute('claim', 'Claim an open wish (volunteer; organizer on behalf of a unit), Idempotency-Key', ClaimWishInput, [idempotent(table)]),
    ({ onBehalfOf }: z.infer<typeof ClaimWishInput>) => (w, { actor, now }) => claim(w, actor, onBehalfOf, now),
    claimWish,
  );
  act(actionRoute('fulfil', 'Report a claimed wish fulfilled (the claimant)', FulfilWishInput), (input: z.infer<typeof FulfilWishInput>) => (w, { actor, now }) => fulfil(w, actor, input, now));
  act(actionRoute('confirm', 'Confirm a fulfilled wish (the resident who posted it): credits the hours', Empty), () => (w, { actor, now }) => confirm(w, actor, now));
};
