import { z } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, pathId } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { roster } from '../../app/roster';
import { rosterCsv } from '../../domain/roster';
import { RosterQuery, RosterView } from '../schemas/claims';

const rosterRoute = securedRoute({
  method: 'get',
  path: '/shifts/{shiftId}/roster',
  action: 'roster.read',
  summary: 'Who holds a place and who waits (names only, no contact details); ?format=csv for a spreadsheet (organizer of the activity\'s organization)',
  request: { params: pathId('shiftId'), query: RosterQuery },
  responses: {
    200: { description: 'The roster (JSON or text/csv)', content: { 'application/json': { schema: RosterView }, 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

export const registerRosterRoutes = (app: ServiceApp) => {
  app.openapi(rosterRoute, async (c) => {
    const { shiftId } = c.req.valid('param');
    const entries = await roster(principalOf(c), shiftId);
    if (c.req.valid('query').format === 'csv') {
      return c.body(rosterCsv(entries), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="roster-${shiftId}.csv"` });
    }
    return c.json({ items: entries }, 200);
  });
};
