import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { cancelActivity } from '../../app/cancelActivity';
import { editActivity } from '../../app/editActivity';
import { getActivity } from '../../app/getActivity';
import { listActivities } from '../../app/listActivities';
import { publishActivity } from '../../app/publishActivity';
import { publishDraft } from '../../app/publishDraft';
import { ActivityPage, ActivityParams, ActivityView, CancelActivityBody, ListActivitiesQuery, PatchActivityBody, PublishActivityBody } from '../schemas/activities';
import { activityView } from '../views';

const publishRoute = securedRoute({
  method: 'post',
  path: '/activities',
  action: 'activity.create',
  summary: 'Create an activity with its shifts or a weekly recurrence, published or (draft: true) as a draft (organizer of the grid\'s organization)',
  request: { body: jsonBody(PublishActivityBody) },
  responses: { 201: jsonContent(ActivityView, 'The published activity (or the draft)'), ...errorResponses(400, 401, 403, 404) },
});

const patchRoute = securedRoute({
  method: 'patch',
  path: '/activities/{activityId}',
  action: 'activity.edit',
  summary: 'Edit a draft (any field but grid and shifts), or the title, description and skills of a published activity (organizer of its organization)',
  request: { params: ActivityParams, body: jsonBody(PatchActivityBody) },
  responses: { 200: jsonContent(ActivityView, 'The edited activity'), ...errorResponses(400, 401, 403, 404, 409) },
});

const publishDraftRoute = securedRoute({
  method: 'post',
  path: '/activities/{activityId}/publish',
  action: 'activity.publish',
  summary: 'Publish a draft: it becomes discoverable and claimable (organizer of its organization)',
  request: { params: ActivityParams },
  responses: { 200: jsonContent(ActivityView, 'The published activity'), ...errorResponses(401, 403, 404, 409) },
});

const cancelRoute = securedRoute({
  method: 'post',
  path: '/activities/{activityId}/cancel',
  action: 'activity.cancel',
  summary: 'Cancel a draft or published activity; every claimant is told and their places released (organizer of its organization)',
  request: { params: ActivityParams, body: jsonBody(CancelActivityBody) },
  responses: { 200: jsonContent(ActivityView, 'The cancelled activity'), ...errorResponses(400, 401, 403, 404, 409) },
});

const listRoute = securedRoute({
  method: 'get',
  path: '/activities',
  action: 'activity.read',
  summary: 'Activities by first shift start (or, with near=lat,lng, within radiusM metres nearest first), filtered by grid, community, street, organization, time, category, skill and title words',
  request: { query: ListActivitiesQuery },
  responses: { 200: jsonContent(ActivityPage, 'A page of activities'), ...errorResponses(400, 401) },
});

const getRoute = securedRoute({
  method: 'get',
  path: '/activities/{activityId}',
  action: 'activity.read',
  summary: 'One activity with its shifts and the places left',
  request: { params: ActivityParams },
  responses: { 200: jsonContent(ActivityView, 'The activity'), ...errorResponses(401, 404) },
});

export const registerActivityRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(publishRoute, async (c) => {
    const activity = await publishActivity(principalOf(c), c.req.valid('json'), now());
    return c.json(activityView(activity, now()), 201);
  });

  app.openapi(patchRoute, async (c) => {
    const activity = await editActivity(principalOf(c), c.req.valid('param').activityId, c.req.valid('json'), now());
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
    const at = now();
    const { items, cursor } = await listActivities(c.req.valid('query'), at);
    return c.json({ items: items.map((a) => activityView(a, at)), ...(cursor ? { cursor } : {}) }, 200);
  });

  app.openapi(getRoute, async (c) => c.json(activityView(await getActivity(c.req.valid('param').activityId, principalOf(c)), now()), 200));
};
