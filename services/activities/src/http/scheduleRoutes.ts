import { createRoute, z } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import type { Claim } from '../domain/claim';
import { calendar } from '../domain/ical';
import { claimsOf } from '../store/claims';
import type { Clock } from '@lianxin/shared/clock';
import { only } from './roles';
import { bearer, errors, json } from './openapi';
import { ClaimList } from './schemas';
import { claimView } from './views';

const scheduleRoute = createRoute({
  method: 'get',
  path: '/me/schedule',
  summary: 'The caller\'s confirmed shifts that have not ended, soonest first',
  security: bearer,
  middleware: [only('volunteer')] as const,
  responses: { 200: json(ClaimList, 'Upcoming confirmed claims'), ...errors(401, 403) },
});

const icsRoute = createRoute({
  method: 'get',
  path: '/me/schedule.ics',
  summary: 'The same schedule as an iCalendar feed',
  security: bearer,
  middleware: [only('volunteer')] as const,
  responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errors(401, 403) },
});

/** Confirmed, not yet over, soonest first (from the volunteer's 100 latest claims). */
const upcoming = async (volunteerId: string, now: Date): Promise<Claim[]> =>
  (await claimsOf(volunteerId))
    .filter((c) => c.status === 'confirmed' && Date.parse(c.endsAt) > now.getTime())
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));

export const registerScheduleRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(scheduleRoute, async (c) => c.json({ items: (await upcoming(principalOf(c).userId, now())).map((claim) => claimView(claim)) }, 200));

  app.openapi(icsRoute, async (c) => {
    const at = now();
    const entries = (await upcoming(principalOf(c).userId, at)).map((claim) => ({
      uid: `${claim.claimId}@lianxin`,
      summary: claim.activityTitle,
      startsAt: claim.startsAt,
      endsAt: claim.endsAt,
      stampedAt: at.toISOString(),
    }));
    return c.body(calendar('连心 志愿服务', entries), 200, { 'content-type': 'text/calendar; charset=utf-8' });
  });
};
