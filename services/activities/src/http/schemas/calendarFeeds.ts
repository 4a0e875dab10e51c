import { z } from '@hono/zod-openapi';
import { pathId } from '@lianxin/shared/http/openapi';
import { isoTime } from './activities';

export const CalendarFeedView = z
  .object({
    feedId: z.string(),
    createdAt: isoTime,
    /** When a calendar app last read the feed; absent until one has. */
    lastUsedAt: isoTime.optional(),
  })
  .openapi('CalendarFeed');

export const CalendarFeedList = z.object({ items: z.array(CalendarFeedView) }).openapi('CalendarFeedList');

export const NewCalendarFeed = z
  .object({
    feedId: z.string(),
    token: z.string().openapi({ description: 'Shown only in this answer: only its hash is kept' }),
    path: z.string().openapi({ example: '/feeds/<token>/schedule.ics', description: 'The feed on the API, to be prefixed with its origin' }),
    createdAt: isoTime,
  })
  .openapi('NewCalendarFeed');

export const FeedParams = pathId('feedId');

/** Not checked here: a malformed token gets the same 404 as an unknown one, not a 400. */
export const FeedTokenParams = z.object({ token: z.string().openapi({ description: 'The feed\'s token, as created' }) });
