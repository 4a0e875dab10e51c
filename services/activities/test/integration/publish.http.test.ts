import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { listedActivities } from '../../src/store/listing';
import { activityBody, freshDistrict, hoursFromNow, outboxEvents, volunteer } from '../support/fixtures';

const app = createApp();

describe('POST /activities', () => {
  it('publishes the activity with its shifts, placed in the grid\'s community and street', async () => {
    const d = await freshDistrict();
    const res = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orgId: d.org.orgId,
      gridId: d.grid.gridId,
      communityId: d.communityId,
      streetId: d.streetId,
      status: 'published',
      createdBy: d.organizer.userId,
      shifts: [{ capacity: 5, confirmed: 0, remaining: 5 }],
    });
    expect(res.body.activityId).toMatch(/^act_/);
    expect(res.body.shifts[0].shiftId).toMatch(/^sft_/);

    const got = await caller(app, volunteer())('GET', `/activities/${res.body.activityId}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('puts ActivityPublished in the outbox in the same transaction', async () => {
    const d = await freshDistrict();
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId) });
    const published = await outboxEvents('ActivityPublished.v1', (data) => data.activityId === body.activityId);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      source: 'lianxin.activities',
      actor: d.organizer.userId,
      data: { orgId: d.org.orgId, communityId: d.communityId, pointsPerHour: 10, shifts: [{ shiftId: body.shifts[0].shiftId, capacity: 5 }] },
    });
  });

  it('stores times as UTC and answers 404 for an unknown activity', async () => {
    const d = await freshDistrict();
    const shifts = [{ startsAt: '2031-05-01T09:00:00+08:00', endsAt: '2031-05-01T11:30:00+08:00', capacity: 3 }];
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    expect(body.shifts[0]).toMatchObject({ startsAt: '2031-05-01T01:00:00.000Z', endsAt: '2031-05-01T03:30:00.000Z' });
    const missing = await caller(app, volunteer())('GET', '/activities/act_nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ACTIVITY_NOT_FOUND');
  });

  it('refuses a volunteer (403) and a caller without a token (401)', async () => {
    const d = await freshDistrict();
    const asVolunteer = await caller(app, volunteer())('POST', '/activities', { body: activityBody(d.grid.gridId) });
    expect(asVolunteer.status).toBe(403);
    expect(asVolunteer.body.error.code).toBe('FORBIDDEN');
    const anonymous = await caller(app)('POST', '/activities', { body: activityBody(d.grid.gridId) });
    expect(anonymous.status).toBe(401);
    expect((await listedActivities({ gridId: d.grid.gridId, limit: 10 })).items).toEqual([]);
  });

  it('refuses a grid of another organization (403 gridId) and an unknown grid (404)', async () => {
    const d = await freshDistrict();
    const other = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.otherGrid.gridId) });
    expect(other.status).toBe(403);
    expect(other.body.error.fields).toHaveProperty('gridId');
    const unknown = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(`${d.grid.gridId}-x`) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('GRID_NOT_FOUND');
    expect((await listedActivities({ communityId: d.communityId, limit: 10 })).items).toEqual([]);
  });

  it('needs orgId from an organizer of several organizations, and only one of theirs', async () => {
    const d = await freshDistrict();
    const both = person({ roles: ['organizer'], scopes: [`org:${d.org.orgId}`, `org:${d.otherOrg.orgId}`] });
    const unnamed = await caller(app, both)('POST', '/activities', { body: activityBody(d.otherGrid.gridId) });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.fields).toHaveProperty('orgId');
    const named = await caller(app, both)('POST', '/activities', { body: activityBody(d.otherGrid.gridId, { orgId: d.otherOrg.orgId }) });
    expect(named.status).toBe(201);
    expect(named.body.orgId).toBe(d.otherOrg.orgId);
    const foreign = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.otherGrid.gridId, { orgId: d.otherOrg.orgId }) });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.fields).toHaveProperty('orgId');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const d = await freshDistrict();
    const res = await caller(app, d.organizer)('POST', '/activities', { rawBody: '{"title": "unfinished' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it.each([
    ['title', { title: '' }],
    ['category', { category: '跳舞' }],
    ['location.lat', { location: { lat: 91, lng: 115 } }],
    ['location.lng', { location: { lat: 29, lng: -181 } }],
    ['pointsPerHour', { pointsPerHour: 1.5 }],
    ['audience', { audience: 'cadres' }],
    ['shifts', { shifts: [] }],
    ['shifts.0.endsAt', { shifts: [{ startsAt: hoursFromNow(3), endsAt: hoursFromNow(2), capacity: 4 }] }],
    ['shifts.0.capacity', { shifts: [{ startsAt: hoursFromNow(2), endsAt: hoursFromNow(3), capacity: 501 }] }],
    ['shifts.0.startsAt', { shifts: [{ startsAt: 'tomorrow', endsAt: hoursFromNow(3), capacity: 4 }] }],
  ])('answers 400 naming %s and writes nothing', async (field, overrides) => {
    const d = await freshDistrict();
    const res = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, overrides) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect((await listedActivities({ gridId: d.grid.gridId, limit: 10 })).items).toEqual([]);
  });
});

describe('GET /activities/openapi.json', () => {
  it('documents every route with bearer security but the calendar feed, without a token', async () => {
    const res = await caller(app)('GET', '/activities/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).sort()).toEqual([
      '/activities',
      '/activities/{activityId}',
      '/activities/{activityId}/cancel',
      '/activities/{activityId}/publish',
      '/activities/{activityId}/shifts/{shiftId}/claims',
      '/claims/{claimId}',
      '/emergency-calls',
      '/emergency-calls/{callId}',
      '/emergency-calls/{callId}/responses',
      '/feeds/{token}/schedule.ics',
      '/me/calendar-feeds',
      '/me/calendar-feeds/{feedId}',
      '/me/claims', '/me/reliability',
      '/me/schedule',
      '/me/schedule.ics',
      '/shifts/{shiftId}/roster',
      '/stats/participation',
      '/wishes',
      '/wishes/review',
      '/wishes/{wishId}',
      '/wishes/{wishId}/approve',
      '/wishes/{wishId}/claim',
      '/wishes/{wishId}/confirm',
      '/wishes/{wishId}/fulfil',
      '/wishes/{wishId}/reject',
    ]);
    expect(res.body.paths['/activities'].post.security).toEqual([{ bearer: [] }]);
    const operations = Object.entries(res.body.paths as Record<string, Record<string, { security: unknown; 'x-public'?: string }>>)
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ route: `${method} ${path}`, security: op.security, open: Boolean(op['x-public']) })));
    expect(operations.filter((op) => op.open).map((op) => [op.route, op.security])).toEqual([['get /feeds/{token}/schedule.ics', []]]);
    expect(operations.filter((op) => !op.open).every((op) => JSON.stringify(op.security) === JSON.stringify([{ bearer: [] }]))).toBe(true);
    expect(res.body.components.schemas).toHaveProperty('Activity');
    expect(res.body.components.schemas).toHaveProperty('Participation');
    expect(Object.keys(res.body.paths['/activities/{activityId}/shifts/{shiftId}/claims'].post.responses)).toContain('503');
  });
});
