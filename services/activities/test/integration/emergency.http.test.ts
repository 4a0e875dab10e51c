import type { Principal } from '@lianxin/shared/auth/principal';
import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { escalateDue } from '../../src/app/emergency/escalate';
import { createApp } from '../../src/http/app';
import { saveGrid } from '../../src/store/directory';
import { freshDistrict, outboxEvents } from '../support/fixtures';

const issuedAt = new Date();
const app = createApp(() => issuedAt);
const afterMinutes = (m: number) => new Date(issuedAt.getTime() + m * 60_000);

const resident = (gridId: string): Principal => person({ roles: ['volunteer'], gridId, scopes: [`grid:${gridId}`] });

/**
 * A fresh district with a third grid in another community of the same street, and a fourth
 * in another street; and a call issued to the first grid.
 */
const issued = async (overrides: Record<string, unknown> = {}) => {
  const d = await freshDistrict();
  const center = d.grid.center;
  const sameStreet = { gridId: `g-${d.tag}-3`, communityId: `c-${d.tag}-b`, streetId: d.streetId, center };
  const elsewhere = { gridId: `g-${d.tag}-4`, communityId: `c-${d.tag}-c`, streetId: `s-${d.tag}-far`, center };
  await Promise.all([saveGrid(sameStreet), saveGrid(elsewhere)]);
  const body = {
    title: '防汛紧急集结',
    description: '湖堤渗水,急需人手搬运沙袋。',
    gridIds: [d.grid.gridId],
    targetHeadcount: 5,
    musterPoint: { address: '湖滨社区广场', lat: 29.7071, lng: 115.9869 },
    escalateAfterMinutes: 15,
    ...overrides,
  };
  const res = await caller(app, d.organizer)('POST', '/emergency-calls', { body });
  return { d, sameStreet, elsewhere, res, callId: res.body?.callId as string };
};

const feedIds = async (who: Principal) =>
  (await caller(app, who)('GET', '/emergency-calls')).body.items.map((c: { callId: string }) => c.callId);

const respond = (who: Principal, callId: string, answer: 'accept' | 'decline') =>
  caller(app, who)('POST', `/emergency-calls/${callId}/responses`, { body: { answer } });

/** Read as an admin: any call, whoever it reaches. */
const headcountOf = async (callId: string) => (await caller(app, person({ roles: ['admin'] }))('GET', `/emergency-calls/${callId}`)).body.headcount;

describe('emergency calls over HTTP', () => {
  it('issues a call that the grid\'s volunteers see at the top of their feed, and nobody else', async () => {
    const { d, res, callId } = await issued();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orgId: d.org.orgId, level: 'grids', headcount: { accepted: 0, declined: 0, target: 5, reachedGridIds: [d.grid.gridId], level: 'grids' } });
    const issuedEvents = await outboxEvents('EmergencyCallIssued.v1', (data) => data.callId === callId);
    expect(issuedEvents).toHaveLength(1);
    expect(await feedIds(resident(d.grid.gridId))).toEqual([callId]);
    expect(await feedIds(resident(d.otherGrid.gridId))).toEqual([]);
    expect(await feedIds(d.organizer)).toEqual([callId]);
    expect(await feedIds(person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] }))).toEqual([]);
    expect((await caller(app, person({ roles: ['merchant'] }))('GET', '/emergency-calls')).status).toBe(403);
  });

  it('refuses grids the organizer\'s organization does not serve, and bad input naming the field, writing nothing', async () => {
    const { d, res } = await issued({ gridIds: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('gridIds');
    const call = caller(app, d.organizer);
    const base = { title: '集结', gridIds: [d.grid.gridId], targetHeadcount: 5, musterPoint: { address: '广场', lat: 29.7, lng: 115.9 } };
    const tooMany = await call('POST', '/emergency-calls', { body: { ...base, targetHeadcount: 501 } });
    expect(tooMany.body.error.fields).toHaveProperty('targetHeadcount');
    const noLat = await call('POST', '/emergency-calls', { body: { ...base, musterPoint: { address: '广场', lng: 1 } } });
    expect(noLat.body.error.fields).toHaveProperty('musterPoint.lat');
    const slow = await call('POST', '/emergency-calls', { body: { ...base, escalateAfterMinutes: 241 } });
    expect(slow.body.error.fields).toHaveProperty('escalateAfterMinutes');
    const foreign = await call('POST', '/emergency-calls', { body: { ...base, gridIds: [d.otherGrid.gridId] } });
    expect(foreign.status).toBe(403);
    expect((await caller(app, resident(d.grid.gridId))('POST', '/emergency-calls', { body: base })).status).toBe(403);
    expect(await feedIds(d.organizer)).toEqual([]);
  });

  it('keeps the headcount exact through accepts, declines and changes of mind', async () => {
    const { d, callId } = await issued();
    const [a, b, c] = [resident(d.grid.gridId), resident(d.grid.gridId), resident(d.grid.gridId)];
    await respond(a, callId, 'accept');
    await respond(b, callId, 'accept');
    await respond(c, callId, 'decline');
    await respond(a, callId, 'accept');
    expect(await headcountOf(callId)).toMatchObject({ accepted: 2, declined: 1 });
    const changed = await respond(b, callId, 'decline');
    expect(changed.status).toBe(200);
    expect(changed.body.headcount).toMatchObject({ accepted: 1, declined: 2 });
    await respond(c, callId, 'accept');
    expect(await headcountOf(callId)).toMatchObject({ accepted: 2, declined: 1, target: 5 });
    const stranger = await respond(resident(d.otherGrid.gridId), callId, 'accept');
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('NOT_REACHED');
    expect((await respond(resident(d.grid.gridId), callId, 'maybe' as 'accept')).body.error.fields).toHaveProperty('answer');
    expect((await respond(a, 'ecl_nope', 'accept')).status).toBe(404);
  });

  it('counts exactly 30 of 30 concurrent accepts', async () => {
    const { d, callId } = await issued({ targetHeadcount: 100 });
    const answers = await Promise.all(Array.from({ length: 30 }, () => respond(resident(d.grid.gridId), callId, 'accept')));
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    expect(await headcountOf(callId)).toMatchObject({ accepted: 30, declined: 0 });
  }, 60_000);

  it('escalates after the deadline to the community\'s other grids, then the street, once each', async () => {
    const { d, sameStreet, elsewhere, callId } = await issued();
    const [neighbour, sameStreetVolunteer, farVolunteer] = [resident(d.otherGrid.gridId), resident(sameStreet.gridId), resident(elsewhere.gridId)];
    await escalateDue(afterMinutes(14));
    expect((await headcountOf(callId)).level).toBe('grids');

    await escalateDue(afterMinutes(15));
    await escalateDue(afterMinutes(16));
    expect(await headcountOf(callId)).toMatchObject({ level: 'community', reachedCommunityIds: [d.communityId] });
    expect(await feedIds(neighbour)).toEqual([callId]);
    expect(await feedIds(sameStreetVolunteer)).toEqual([]);
    expect((await respond(neighbour, callId, 'accept')).status).toBe(200);
    expect((await respond(sameStreetVolunteer, callId, 'accept')).status).toBe(403);

    await Promise.all([escalateDue(afterMinutes(31)), escalateDue(afterMinutes(31))]);
    expect(await headcountOf(callId)).toMatchObject({ level: 'street', reachedStreetIds: [d.streetId], accepted: 1 });
    expect(await feedIds(sameStreetVolunteer)).toEqual([callId]);
    expect(await feedIds(farVolunteer)).toEqual([]);
    await escalateDue(afterMinutes(120));

    const escalations = await outboxEvents('EmergencyCallEscalated.v1', (data) => data.callId === callId);
    expect(escalations.map((e) => (e.data as { level: string }).level).sort()).toEqual(['community', 'street']);
  });

  it('does not escalate a call whose target is met', async () => {
    const { d, callId } = await issued({ targetHeadcount: 1, escalateAfterMinutes: 5 });
    await respond(resident(d.grid.gridId), callId, 'accept');
    await escalateDue(afterMinutes(6));
    expect((await headcountOf(callId)).level).toBe('grids');
    expect(await outboxEvents('EmergencyCallEscalated.v1', (data) => data.callId === callId)).toEqual([]);
  });
});
