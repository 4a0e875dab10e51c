import { api, change, create, read } from './client';
import type { components, paths } from './schema';

/** A micro-wish (微心愿); contacts come masked unless the caller posted, claimed or vets it. */
export type Wish = components['schemas']['Wish'];
export type WishStatus = Wish['status'];
export type NewWish = components['schemas']['PostWish'];
export type WishQuery = NonNullable<paths['/wishes']['get']['parameters']['query']>;
type Fulfilment = paths['/wishes/{wishId}/fulfil']['post']['requestBody']['content']['application/json'];

const path = (wishId: string) => ({ params: { path: { wishId } } });

export const listWishes = (query: WishQuery, signal?: AbortSignal) => read(() => api.GET('/wishes', { params: { query }, signal }), signal);

/** The wishes awaiting my review: pending in every grid my organizations serve. */
export const reviewQueue = (signal?: AbortSignal) => read(() => api.GET('/wishes/review', { signal }), signal);

export const postWish = (body: NewWish): Promise<Wish> => create((once) => api.POST('/wishes', { ...once, body }));

export const approveWish = (wishId: string): Promise<Wish> => change(() => api.POST('/wishes/{wishId}/approve', { ...path(wishId), body: {} }));

export const rejectWish = (wishId: string, reason: string): Promise<Wish> =>
  change(() => api.POST('/wishes/{wishId}/reject', { ...path(wishId), body: { reason } }));

export const claimWish = (wishId: string): Promise<Wish> => create((once) => api.POST('/wishes/{wishId}/claim', { ...once, ...path(wishId), body: {} }));

export const fulfilWish = (wishId: string, body: Fulfilment): Promise<Wish> => change(() => api.POST('/wishes/{wishId}/fulfil', { ...path(wishId), body }));

export const confirmWish = (wishId: string): Promise<Wish> => change(() => api.POST('/wishes/{wishId}/confirm', { ...path(wishId), body: {} }));
