import { caller, person, testToken } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow } from '../support/fixtures';

const app = createApp();

describe('GET /shifts/{shiftId}/roster', () => {
  it('lists confirmed then waitlisted volunteers by name, as JSON or a BOM-prefixed CSV, for the owning organization only', async () => {
    const d = await freshDistrict();
    const shifts = [{ startsAt: hoursFromNow(40), endsAt: hoursFromNow(42), capacity: 1 }];
    const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts }) });
    const shiftId = body.shifts[0].shiftId as string;
    const path = `/activities/${body.activityId}/shifts/${shiftId}/claims`;
    const wang = person({ roles: ['volunteer'], name: '王芳' });
    const li = person({ roles: ['volunteer'], name: '李"小"明, 志愿者' });
    await caller(app, wang)('POST', path, { idempotencyKey: 'k' });
    await caller(app, li)('POST', path, { idempotencyKey: 'k' });

    const roster = await caller(app, d.organizer)('GET', `/shifts/${shiftId}/roster`);
    expect(roster.status).toBe(200);
    expect(roster.body.items).toEqual([
      expect.objectContaining({ volunteerId: wang.userId, volunteerName: '王芳', status: 'confirmed' }),
      expect.objectContaining({ volunteerId: li.userId, status: 'waitlisted', position: 1 }),
    ]);

    const res = await app.request(`/shifts/${shiftId}/roster?format=csv`, { headers: { authorization: `Bearer ${await testToken(d.organizer)}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder('utf-8').decode(bytes).split('\r\n');
    expect(rows[0]).toBe('claimId,volunteerName,status,position,claimedAt');
    expect(rows[1]).toContain(',王芳,confirmed,,');
    expect(rows[2]).toContain(',"李""小""明, 志愿者",waitlisted,1,');
    expect(rows.join('')).not.toMatch(/phone/i);

    const stranger = person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] });
    expect((await caller(app, stranger)('GET', `/shifts/${shiftId}/roster`)).status).toBe(403);
    expect((await caller(app, wang)('GET', `/shifts/${shiftId}/roster`)).status).toBe(403);
  });
});
