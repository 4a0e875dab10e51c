import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { saveGrid, saveOrganization } from '../../src/store/directory';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

type Listed = { activityId: string; shifts: { startsAt: string; remaining: number }[] };
const ids = (body: { items: Listed[] }) => body.items.map((a) => a.activityId);

/**
 * A district with activities in two grids of one community and one grid of a second
 * community of the same street, published out of start order.
 */
const districtWithActivities = async () => {
  const d = await freshDistrict();
  const farGrid = { gridId: `${d.grid.gridId}-far`, communityId: `${d.communityId}-far`, streetId: d.streetId, center: d.grid.center };
  await saveGrid(farGrid);
  await saveOrganization({ ...d.org, gridIds: [d.grid.gridId, farGrid.gridId] });
  const publish = async (gridId: string, startHours: number, organizer = d.organizer) => {
    const shifts = [{ startsAt: hoursFromNow(startHours), endsAt: hoursFromNow(startHours + 2), capacity: 4 }];
    const { status, body } = await caller(app, organizer)('POST', '/activities', { body: activityBody(gridId, { shifts }) });
    expect(status).toBe(201);
    return body.activityId as string;
  };
  const otherOrganizer = person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] });
  const inGrid = [await publish(d.grid.gridId, 30), await publish(d.grid.gridId, 10)];
  const inOtherGrid = await publish(d.otherGrid.gridId, 20, otherOrganizer);
  const inFarCommunity = await publish(farGrid.gridId, 5);
  return { ...d, farGrid, inGrid, inOtherGrid, inFarCommunity };
};

describe('GET /activities', () => {
  it('lists a grid\'s activities by first shift start, with their shifts', async () => {
    const d = await districtWithActivities();
    const res = await caller(app, volunteer())('GET', `/activities?gridId=${d.grid.gridId}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([d.inGrid[1], d.inGrid[0]]);
    expect(res.body.items[0].shifts).toHaveLength(1);
    expect(res.body.items[0].shifts[0].remaining).toBe(4);
    expect(res.body.cursor).toBeUndefined();
  });

  it('lists a community, a street (fanned out over its communities) and an organization', async () => {
    const d = await districtWithActivities();
    const call = caller(app, volunteer());
    const community = await call('GET', `/activities?communityId=${d.communityId}`);
    expect(ids(community.body)).toEqual([d.inGrid[1], d.inOtherGrid, d.inGrid[0]]);
    const street = await call('GET', `/activities?streetId=${d.streetId}`);
    expect(ids(street.body)).toEqual([d.inFarCommunity, d.inGrid[1], d.inOtherGrid, d.inGrid[0]]);
    const organization = await call('GET', `/activities?orgId=${d.org.orgId}`);
    expect(ids(organization.body)).toEqual([d.inFarCommunity, d.inGrid[1], d.inGrid[0]]);
    const both = await call('GET', `/activities?communityId=${d.communityId}&orgId=${d.otherOrg.orgId}`);
    expect(ids(both.body)).toEqual([d.inOtherGrid]);
  });

  it('pages with a cursor without losing or repeating an activity', async () => {
    const d = await districtWithActivities();
    const call = caller(app, volunteer());
    const first = await call('GET', `/activities?streetId=${d.streetId}&limit=3`);
    expect(ids(first.body)).toEqual([d.inFarCommunity, d.inGrid[1], d.inOtherGrid]);
    expect(first.body.cursor).toEqual(expect.any(String));
    const second = await call('GET', `/activities?streetId=${d.streetId}&limit=3&cursor=${first.body.cursor}`);
    expect(ids(second.body)).toEqual([d.inGrid[0]]);
    expect(second.body.cursor).toBeUndefined();
  });

  it('keeps activities overlapping from..to (a running one included)', async () => {
    const d = await districtWithActivities();
    const call = caller(app, volunteer());
    const window = await call('GET', `/activities?streetId=${d.streetId}&from=${hoursFromNow(6)}&to=${hoursFromNow(25)}`);
    expect(ids(window.body)).toEqual([d.inFarCommunity, d.inGrid[1], d.inOtherGrid]);
    const later = await call('GET', `/activities?streetId=${d.streetId}&from=${hoursFromNow(12.5)}`);
    expect(ids(later.body)).toEqual([d.inOtherGrid, d.inGrid[0]]);
  });

  it('fans out over every community of the directory when nothing narrows it', async () => {
    const d = await freshDistrict();
    const startsAt = new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 1e6) * 60_000);
    const shifts = [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 30_000).toISOString(), capacity: 1 }];
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const window = `from=${startsAt.toISOString()}&to=${startsAt.toISOString()}`;
    const res = await caller(app, volunteer())('GET', `/activities?${window}`);
    expect(ids(res.body)).toEqual([body.activityId]);
  });

  it('answers 400 for a bad limit, time or cursor, and 401 without a token', async () => {
    const call = caller(app, volunteer());
    const limit = await call('GET', '/activities?limit=0');
    expect(limit.body.error.fields).toHaveProperty('limit');
    const from = await call('GET', '/activities?from=yesterday');
    expect(from.body.error.fields).toHaveProperty('from');
    const cursor = await call('GET', '/activities?gridId=g-x&cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields).toHaveProperty('cursor');
    expect((await caller(app)('GET', '/activities')).status).toBe(401);
  });
});
