import { api, change, create, read } from './client';
import type { components } from './schema';

export type Activity = components['schemas']['Activity'];
export type Shift = components['schemas']['Shift'];
export type Audience = Activity['audience'];
export type Claim = components['schemas']['Claim'];

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
