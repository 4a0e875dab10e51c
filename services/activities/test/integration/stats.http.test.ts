import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

const shift = (hours: number, capacity: number) => ({ startsAt: hoursFromNow(hours), endsAt: hoursFromNow(hours + 2), capacity });
const none = { activitiesPublished: 0, activitiesCancelled: 0, shifts: 0, claimsConfirmed: 0, claimsWaitlisted: 0, claimsCancelled: 0, wishesFulfilled: 0 };

describe('GET /stats/participation', () => {
  it('counts publications, shifts and claims per grid and community as they happen, for a grid, community or street', async () => {
    const d = await freshDistrict();
    const org = caller(app, d.organizer);
    const claim = async (who: ReturnType<typeof volunteer>, a: { activityId: string; shifts: { shiftId: string }[] }, i = 0) =>
      caller(app, who)('POST', `/activities/${a.activityId}/shifts/${a.shifts[i]!.shiftId}/claims`, { body: {}, idempotencyKey: `k-${a.activityId}-${i}` });

    const a = (await org('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts: [shift(24, 1), shift(48, 2)] }) })).body;
    const [v1, v2, v3] = [volunteer(), volunteer(), volunteer()];
    expect((await claim(v1, a)).status).toBe(201);
    expect((await claim(v2, a)).status).toBe(202);
    expect((await claim(v3, a, 1)).status).toBe(201);
    const held = await caller(app, v1)('GET', '/me/claims');
    // v1 gives up: v2 is promoted (one cancelled, nobody waits, still two confirmed).
    expect((await caller(app, v1)('DELETE', `/claims/${held.body.items[0].claimId}`)).status).toBe(200);

    const b = (await org('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts: [shift(30, 3)] }) })).body;
    expect((await claim(volunteer(), b)).status).toBe(201);
    expect((await org('POST', `/activities/${b.activityId}/cancel`, { body: { reason: '暴雨' } })).status).toBe(200);
    const draft = (await org('POST', '/activities', { body: activityBody(d.grid.gridId, { draft: true }) })).body;
    await org('POST', `/activities/${draft.activityId}/cancel`, { body: { reason: '不办了' } });

    const expected = { activitiesPublished: 2, activitiesCancelled: 1, shifts: 3, claimsConfirmed: 2, claimsWaitlisted: 0, claimsCancelled: 2, wishesFulfilled: 0 };
    const byGrid = await org('GET', `/stats/participation?gridId=${d.grid.gridId}`);
    expect(byGrid.status).toBe(200);
    expect(byGrid.body).toEqual({
      scope: { gridId: d.grid.gridId },
      totals: expected,
      communities: [{ communityId: d.communityId, streetId: d.streetId, ...expected }],
      grids: [{ gridId: d.grid.gridId, communityId: d.communityId, ...expected }],
    });
    const admin = caller(app, person({ roles: ['admin'] }));
    expect((await admin('GET', `/stats/participation?communityId=${d.communityId}`)).body.totals).toEqual(expected);
    expect((await admin('GET', `/stats/participation?streetId=${d.streetId}`)).body.communities).toEqual([{ communityId: d.communityId, streetId: d.streetId, ...expected }]);
    expect((await admin('GET', `/stats/participation?gridId=${d.otherGrid.gridId}`)).body.totals).toEqual(none);
  });

  it.each([['', ['gridId', 'communityId', 'streetId']], ['?gridId=g&streetId=s', ['gridId', 'streetId']]])('answers 400 naming the fields for %s', async (query, fields) => {
    const res = await caller(app, person({ roles: ['organizer'] }))('GET', `/stats/participation${query}`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual([...fields].sort());
  });

  it('is for organizers and admins only', async () => {
    expect((await caller(app, volunteer())('GET', '/stats/participation?gridId=g')).status).toBe(403);
    expect((await caller(app)('GET', '/stats/participation?gridId=g')).status).toBe(401);
  });
});
