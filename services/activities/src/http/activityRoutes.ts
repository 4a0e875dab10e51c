import { createRoute } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { newId } from '@lianxin/shared/ids';
import { notFound } from '@lianxin/shared/errors';
import { publishActivity } from '../commands/publishActivity';
import { publishingOrganization } from '../domain/publish';
import { findActivity } from '../store/activities';
import { listActivities } from '../store/listing';
import type { Clock } from './clock';
import { only } from './roles';
import { bearer, errors, json } from './openapi';
import { ActivityPage, ActivityParams, ActivityView, ListActivitiesQuery, PublishActivityBody } from './schemas';
import { activityView } from './views';

const publishRoute = createRoute({
  method: 'post',
  path: '/activities',
  summary: 'Publish an activity with its shifts (organizer of the grid\'s organization)',
  security: bearer,
  middleware: [only('organizer')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: PublishActivityBody } } } },
  responses: { 201: json(ActivityView, 'The published activity'), ...errors(400, 401, 403, 404) },
});

const listRoute = createRoute({
  method: 'get',
  path: '/activities',
  summary: 'Activities by first shift start, filtered by grid, community, street, organization and time',
  security: bearer,
  request: { query: ListActivitiesQuery },
  responses: { 200: json(ActivityPage, 'A page of activities'), ...errors(400, 401) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/activities/{activityId}',
  summary: 'One activity with its shifts and the places left',
  security: bearer,
  request: { params: ActivityParams },
  responses: { 200: json(ActivityView, 'The activity'), ...errors(401, 404) },
});

export const registerActivityRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(publishRoute, async (c) => {
    const principal = principalOf(c);
    const input = c.req.valid('json');
    const { activity } = await publishActivity(
      {
        activityId: newId('act'),
        shiftIds: input.shifts.map(() => newId('sft')),
        orgId: publishingOrganization(principal, input.orgId),
        input,
        createdBy: principal.userId,
      },
      now(),
    );
    return c.json(activityView(activity), 201);
  });

  app.openapi(listRoute, async (c) => {
    const { items, cursor } = await listActivities(c.req.valid('query'));
    return c.json({ items: items.map(activityView), ...(cursor ? { cursor } : {}) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { activityId } = c.req.valid('param');
    const activity = await findActivity(activityId);
    if (!activity) throw notFound('activity', activityId);
    return c.json(activityView(activity), 200);
  });
};
