import { createRoute, z } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { notFound } from '@lianxin/shared/errors';
import { requireOwner } from '../domain/lifecycle';
import { rosterCsv, rosterOf } from '../domain/roster';
import { findActivity } from '../store/activities';
import { claimsOfShift } from '../store/claims';
import { only } from './roles';
import { bearer, errors, json } from './openapi';

const RosterView = z
  .object({
    items: z.array(z.object({
      claimId: z.string(),
      volunteerId: z.string(),
      volunteerName: z.string(),
      status: z.enum(['confirmed', 'waitlisted']),
      position: z.number().int().optional(),
      claimedAt: z.string(),
    })),
  })
  .openapi('Roster');

const rosterRoute = createRoute({
  method: 'get',
  path: '/shifts/{shiftId}/roster',
  summary: 'Who holds a place and who waits (names only, no contact details); ?format=csv for a spreadsheet (organizer of the activity\'s organization)',
  security: bearer,
  middleware: [only('organizer')] as const,
  request: {
    params: z.object({ shiftId: z.string().min(1).openapi({ param: { name: 'shiftId', in: 'path' } }) }),
    query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
  },
  responses: {
    200: { description: 'The roster (JSON or text/csv)', content: { 'application/json': { schema: RosterView }, 'text/csv': { schema: z.string() } } },
    ...errors(400, 401, 403),
  },
});

export const registerRosterRoutes = (app: ServiceApp) => {
  app.openapi(rosterRoute, async (c) => {
    const { shiftId } = c.req.valid('param');
    const claims = await claimsOfShift(shiftId);
    // The activity is known from any claim; a shift nobody claimed has an empty roster, which reveals nothing.
    const activityId = claims[0]?.activityId;
    if (activityId) {
      const activity = await findActivity(activityId);
      if (!activity) throw notFound('activity', activityId);
      requireOwner(principalOf(c), activity);
    }
    const entries = rosterOf(claims);
    if (c.req.valid('query').format === 'csv') {
      return c.body(rosterCsv(entries), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="roster-${shiftId}.csv"` });
    }
    return c.json({ items: entries }, 200);
  });
};
