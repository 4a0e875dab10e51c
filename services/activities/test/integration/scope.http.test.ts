import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

describe('reading within one\'s scope', () => {
  it('shows a draft only to organizers of its organization', async () => {
    const d = await freshDistrict();
    const draft = (await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { draft: true }) })).body;
    expect((await caller(app, d.organizer)('GET', `/activities/${draft.activityId}`)).status).toBe(200);
    const other = person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] });
    for (const who of [other, volunteer()]) expect((await caller(app, who)('GET', `/activities/${draft.activityId}`)).status).toBe(404);
    const listed = await caller(app, other)('GET', `/activities?orgId=${d.org.orgId}`);
    expect(listed.body.items.map((a: { activityId: string }) => a.activityId)).not.toContain(draft.activityId);
  });

  it('gives an organizer the figures of their own places only', async () => {
    const [d, far] = [await freshDistrict(), await freshDistrict()];
    const own = caller(app, d.organizer);
    for (const q of [`gridId=${d.grid.gridId}`, `communityId=${d.communityId}`, `streetId=${d.streetId}`]) expect((await own('GET', `/stats/participation?${q}`)).status).toBe(200);
    for (const q of [`gridId=${far.grid.gridId}`, `communityId=${far.communityId}`, `streetId=${far.streetId}`]) expect((await own('GET', `/stats/participation?${q}`)).status).toBe(403);
    const admin = person({ roles: ['admin'] });
    expect((await caller(app, admin)('GET', `/stats/participation?streetId=${far.streetId}`)).status).toBe(200);
  });

  it('shows an emergency call to its organization and the volunteers it reaches only', async () => {
    const d = await freshDistrict();
    const body = { title: '防汛', gridIds: [d.grid.gridId], targetHeadcount: 3, musterPoint: { address: '广场', lat: 29.7, lng: 115.9 } };
    const { callId } = (await caller(app, d.organizer)('POST', '/emergency-calls', { body })).body;
    const reached = person({ roles: ['volunteer'], gridId: d.grid.gridId });
    for (const who of [d.organizer, reached]) expect((await caller(app, who)('GET', `/emergency-calls/${callId}`)).status).toBe(200);
    const other = person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] });
    const far = person({ roles: ['volunteer'], gridId: 'g-elsewhere' });
    for (const who of [other, far]) expect((await caller(app, who)('GET', `/emergency-calls/${callId}`)).status).toBe(403);
  });
});

describe('times already over', () => {
  const ended = [{ startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-1), capacity: 2 }];

  it('refuses to publish a shift that has ended, naming it', async () => {
    const d = await freshDistrict();
    const res = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts: ended }) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(['shifts.0.endsAt']);
  });

  it('refuses to publish a draft whose shift has ended meanwhile', async () => {
    const d = await freshDistrict();
    const draft = (await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { draft: true, shifts: ended }) })).body;
    const res = await caller(app, d.organizer)('POST', `/activities/${draft.activityId}/publish`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(['shifts.0.endsAt']);
  });
});

describe('bounded input', () => {
  it('refuses ids and filters longer than their maximum, naming them', async () => {
    const long = 'x'.repeat(65);
    const call = caller(app, volunteer());
    for (const [path, field] of [
      [`/activities?category=${long}`, 'category'],
      [`/activities?gridId=${long}`, 'gridId'],
      [`/activities?cursor=${'c'.repeat(600)}`, 'cursor'],
      [`/wishes?gridId=${long}`, 'gridId'],
      [`/stats/participation?streetId=${long}`, 'streetId'],
    ] as const) {
      const res = await (field === 'streetId' ? caller(app, person({ roles: ['admin'] })) : call)('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields, path).toHaveProperty([field]);
    }
  });
});
