import { z } from '@hono/zod-openapi';
import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errors, json } from '../http/openapi';
import { only } from '../http/roles';
import { signedInRoute } from '../wishes/routing';
import { RELIABILITY_THRESHOLD } from './domain';
import { volunteerReliability } from './store';

const ReliabilityView = z
  .object({
    ratio: z.number().min(0).max(1).openapi({ description: 'attended ÷ confirmed; 1 without history' }),
    attended: z.number().int(),
    confirmed: z.number().int(),
    windowDays: z.number().int(),
    threshold: z.number().openapi({ description: 'below it, a volunteer waits behind reliable volunteers on waitlists' }),
  })
  .openapi('Reliability');

const mine = signedInRoute(
  {
    method: 'get',
    path: '/me/reliability',
    summary: "The caller's attendance over the last 90 days (shifts held and attended), which orders waitlists",
    responses: { 200: json(ReliabilityView, 'Reliability'), ...errors(401, 403) },
  },
  only('volunteer'),
);

/** Self-authenticating (signedInRoute), so mounting needs no path-wide middleware. */
export const registerReliabilityRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(mine, async (c) => c.json({ ...(await volunteerReliability(principalOf(c).userId, now())), threshold: RELIABILITY_THRESHOLD }, 200));
};
