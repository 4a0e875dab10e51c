import { z } from '@hono/zod-openapi';
import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { mySchedule } from '../../app/mySchedule';
import { myScheduleIcs } from '../../app/myScheduleIcs';
import { ClaimList } from '../schemas/claims';
import { claimView } from '../views';

const scheduleRoute = securedRoute({
  method: 'get',
  path: '/me/schedule',
  action: 'schedule.read',
  summary: 'The caller\'s confirmed shifts that have not ended, soonest first',
  responses: { 200: jsonContent(ClaimList, 'Upcoming confirmed claims'), ...errorResponses(401, 403) },
});

const icsRoute = securedRoute({
  method: 'get',
  path: '/me/schedule.ics',
  action: 'schedule.read',
  summary: 'The same schedule as an iCalendar feed',
  responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses(401, 403) },
});

export const registerScheduleRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(scheduleRoute, async (c) => c.json({ items: (await mySchedule(principalOf(c).userId, now())).map((claim) => claimView(claim)) }, 200));

  app.openapi(icsRoute, async (c) => c.body(await myScheduleIcs(principalOf(c).userId, now()), 200, { 'content-type': 'text/calendar; charset=utf-8' }));
};
