import { api, change, create, read } from './client';
import type { components } from './schema';

export type Activity = components['schemas']['Activity'];
export type Shift = components['schemas']['Shift'];
export type Audience = Activity['audience'];
export type Claim = components['schemas']['Claim'];
export type NewActivity = components['schemas']['PublishActivity'];
export type Category = NewActivity['category'];

/** Every category the service knows, in its order (keys keep it); as a record, a category the API adds is a type error here. */
const KNOWN_CATEGORIES: Record<Category, true> = { 助老: true, 助残: true, 助学: true, 环境: true, 文明实践: true, 应急: true, 法律: true, 医疗: true, 其他: true };
export const CATEGORIES = Object.keys(KNOWN_CATEGORIES) as Category[];
export const AUDIENCES: Audience[] = ['everyone', 'league_member', 'party_member'];

/** Every page of the activities (of one organization): the demo has a handful; stop at a sane bound. */
export const allActivities = async (signal: AbortSignal, orgId?: string): Promise<Activity[]> => {
  const items: Activity[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const query = { ...(orgId ? { orgId } : {}), ...(cursor ? { cursor } : {}) };
    const res = await read(() => api.GET('/activities', { params: { query }, signal }), signal);
    items.push(...res.items);
    cursor = res.cursor;
    if (!cursor) break;
  }
  return items;
};

/** A full shift puts the claim on its waitlist (202, `status: 'waitlisted'`). */
export const claimShift = (activityId: string, shiftId: string): Promise<Claim> =>
  create((once) => api.POST('/activities/{activityId}/shifts/{shiftId}/claims', { ...once, params: { path: { activityId, shiftId } } }));

export const myClaims = (signal?: AbortSignal) => read(() => api.GET('/me/claims', { signal }), signal);

/** Past the shift's deadline the server refuses with CANCELLATION_CLOSED. */
export const cancelClaim = (claimId: string): Promise<Claim> => change(() => api.DELETE('/claims/{claimId}', { params: { path: { claimId } } }));

/**
 * An organizer creates an activity, published or (`draft: true`) as a draft. The route is not
 * idempotent, so it is sent once: a retry could publish the activity twice.
 */
export const createActivity = (body: NewActivity): Promise<Activity> => change(() => api.POST('/activities', { body }));

/** A draft becomes discoverable and claimable. */
export const publishDraft = (activityId: string): Promise<Activity> =>
  change(() => api.POST('/activities/{activityId}/publish', { params: { path: { activityId } } }));
