import { z } from '@hono/zod-openapi';
import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { publicRoute, securedRoute } from '@lianxin/shared/http/route';
import { createFeed } from '../../app/calendarFeeds/createFeed';
import { feedSchedule } from '../../app/calendarFeeds/feedSchedule';
import { listFeeds } from '../../app/calendarFeeds/listFeeds';
import { revokeFeed } from '../../app/calendarFeeds/revokeFeed';
import { feedPath } from '../../domain/calendarFeed';
import { CalendarFeedList, FeedParams, FeedTokenParams, NewCalendarFeed } from '../schemas/calendarFeeds';

const createFeedRoute = securedRoute({
  method: 'post',
  path: '/me/calendar-feeds',
  action: 'calendarFeed.create',
  idempotent: true,
  summary: 'A calendar feed of the caller\'s schedule for a calendar app to subscribe to; its token is shown only in this answer (at most 5 active)',
  request: { headers: IdempotencyHeaders },
  responses: { 201: jsonContent(NewCalendarFeed, 'The feed, with its token'), ...errorResponses(400, 401, 403, 409, 422) },
});

const listRoute = securedRoute({
  method: 'get',
  path: '/me/calendar-feeds',
  action: 'calendarFeed.listOwn',
  summary: 'The caller\'s active calendar feeds, newest first (without tokens)',
  responses: { 200: jsonContent(CalendarFeedList, 'The feeds'), ...errorResponses(401, 403) },
});

const revokeRoute = securedRoute({
  method: 'delete',
  path: '/me/calendar-feeds/{feedId}',
  action: 'calendarFeed.revoke',
  summary: 'Revoke one of the caller\'s calendar feeds: its URL answers 404 at once',
  request: { params: FeedParams },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(400, 401, 403, 404) },
});

const feedRoute = publicRoute({
  method: 'get',
  path: '/feeds/{token}/schedule.ics',
  public: 'a calendar app cannot sign in: the revocable token in the path is the capability, and serves only its owner\'s schedule',
  summary: 'A calendar feed: its owner\'s schedule, as GET /me/schedule.ics serves it (an unknown, revoked or malformed token: 404)',
  request: { params: FeedTokenParams },
  responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses(404) },
});

export const registerCalendarFeedRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(createFeedRoute, async (c) => {
    const { feed, token } = await createFeed(principalOf(c), c.req.valid('header')['idempotency-key'], now());
    return c.json({ feedId: feed.feedId, token, path: feedPath(token), createdAt: feed.createdAt }, 201);
  });

  app.openapi(listRoute, async (c) =>
    c.json({ items: (await listFeeds(principalOf(c))).map(({ feedId, createdAt, lastUsedAt }) => ({ feedId, createdAt, ...(lastUsedAt ? { lastUsedAt } : {}) })) }, 200));

  app.openapi(revokeRoute, async (c) => {
    await revokeFeed(principalOf(c), c.req.valid('param').feedId);
    return c.body(null, 204);
  });

  // no-store: no cache between the calendar app and the API may keep answering a revoked feed.
  app.openapi(feedRoute, async (c) =>
    c.body(await feedSchedule(c.req.valid('param').token, now()), 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store' }));
};
