import { createRoute } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { newId } from '@lianxin/shared/ids';
import { notFound } from '@lianxin/shared/errors';
import { cancelActivity, patchActivity, publishDraft } from '../commands/lifecycle';
import { publishActivity } from '../commands/publishActivity';
import { searchNearby } from '../commands/searchNearby';
import { publishingOrganization, shiftsOfInput } from '../domain/publish';
import { findActivity } from '../store/activities';
import { listActivities } from '../store/listing';
import type { Clock } from '@lianxin/shared/clock';
import { only } from './roles';
import { bearer, errors, json, jsonBody } from './openapi';
import { ActivityPage, ActivityParams, ActivityView, CancelActivityBody, ListActivitiesQuery, PatchActivityBody, PublishActivityBody } from './schemas';
import { activityView } from './views';

const publishRoute = createRoute({
  method: 'post',
  path: '/activities',
  summary: 'Create an activity with its shifts or a weekly recurrence, published or (draft: true) as a draft (organizer of the grid\'s organization)',
  security: bearer,
  middleware: [only('organizer')] as const,
  request: jsonBody(PublishActivityBody),
  responses: { 201: json(ActivityView, 'The published activity (or the draft)'), ...errors(400, 401, 403, 404) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/activities/{activityId}',
  summary: 'Edit a draft (any field but grid and shifts), or the title, description and skills of a published activity (organizer of its organization)',
  security: bearer,
  middleware: [only('organizer')] as const,
  request: { params: ActivityParams, ...jsonBody(PatchActivityBody) },
  responses: { 200: json(ActivityView, 'The edited activity'), ...errors(400, 401, 403, 404, 409) },
});

const publishDraftRoute = createRoute({
  method: 'post',
  path: '/activities/{activityId}/publish',
  summary: 'Publish a draft: it becomes discoverable and claimable (organizer of its organization)',
  security: bearer,
  middleware: [only('organizer')] as const,
  request: { params: ActivityParams },
  responses: { 200: json(ActivityView, 'The published activity'), ...errors(401, 403, 404, 409) },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/activities/{activityId}/cancel',
  summary: 'Cancel a draft or published activity; every claimant is told and their places released (organizer of its organization)',
  security: bearer,
  middleware: [only('organizer')] as const,
  request: { params: ActivityParams, ...jsonBody(CancelActivityBody) },
  responses: { 200: json(ActivityView, 'The cancelled activity'), ...errors(400, 401, 403, 404, 409) },
});

const listRoute = createRoute({
  method: 'get',
  path: '/activities',
  summary: 'Activities by first shift start (or, with near=lat,lng, within radiusM metres nearest first), filtered by grid, community, street, organization, time, category, skill and title words',
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
        shiftIds: shiftsOfInput(input).map(() => newId('sft')),
        orgId: publishingOrganization(principal, input.orgId),
        input,
        createdBy: principal.userId,
      },
      now(),
    );
    return c.json(activityView(activity, now()), 201);
  });

  app.openapi(patchRoute, async (c) => {
    const activity = await patchActivity(principalOf(c), c.req.valid('param').activityId, c.req.valid('json'), now());
    return c.json(activityView(activity, now()), 200);
  });

  app.openapi(publishDraftRoute, async (c) => {
    const activity = await publishDraft(principalOf(c), c.req.valid('param').activityId, now());
    return c.json(activityView(activity, now()), 200);
  });

  app.openapi(cancelRoute, async (c) => {
    const activity = await cancelActivity(principalOf(c), c.req.valid('param').activityId, c.req.valid('json').reason, now());
    return c.json(activityView(activity, now()), 200);
  });

  app.openapi(listRoute, async (c) => {
    const { near, ...filter } = c.req.valid('query');
    const at = now();
    const { items, cursor } = near ? await searchNearby({ ...filter, near }, at) : await listActivities(filter);
    return c.json({ items: items.map((a) => activityView(a, at)), ...(cursor ? { cursor } : {}) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { activityId } = c.req.valid('param');
    const activity = await findActivity(activityId);
    if (!activity) throw notFound('activity', activityId);
    return c.json(activityView(activity, now()), 200);
  });
};
