import { api, change, create, read } from './client';
import type { components } from './schema';

/** A calendar feed as listed (no token: the service keeps only its hash). */
export type CalendarFeed = components['schemas']['CalendarFeed'];
/** A feed just made: its token, shown this once. */
export type NewCalendarFeed = components['schemas']['NewCalendarFeed'];

export const myCalendarFeeds = (signal?: AbortSignal) => read(() => api.GET('/me/calendar-feeds', { signal }), signal);

/** At most 5 may be active: the server refuses a 6th with TOO_MANY_FEEDS. */
export const createCalendarFeed = (): Promise<NewCalendarFeed> => create((once) => api.POST('/me/calendar-feeds', { ...once }));

/** Its URL answers 404 from then on. */
export const revokeCalendarFeed = (feedId: string): Promise<void> =>
  change(() => api.DELETE('/me/calendar-feeds/{feedId}', { params: { path: { feedId } } }));
