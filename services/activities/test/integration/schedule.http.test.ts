import { caller, testToken } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { activityBody, freshDistrict, hoursFromNow, volunteer } from '../support/fixtures';

const app = createApp();

describe('GET /me/schedule and /me/schedule.ics', () => {
  it('lists my upcoming confirmed shifts, soonest first, and serves them as a feed', async () => {
    const d = await freshDistrict();
    const publish = async (start: number, capacity = 2) => {
      const shifts = [{ startsAt: hoursFromNow(start), endsAt: hoursFromNow(start + 1), capacity }];
      const { body } = await caller(app, d.organizer)('POST', '/activities', { body: activityBody(d.grid.gridId, { shifts, title: '清洁; 巡河, 助老' }) });
      return `/activities/${body.activityId}/shifts/${body.shifts[0].shiftId}/claims`;
    };
    const [later, sooner, full] = [await publish(100), await publish(90), await publish(110, 1)];
    const me = volunteer();
    const call = caller(app, me);
    const a = await call('POST', later, { idempotencyKey: 'a' });
    const b = await call('POST', sooner, { idempotencyKey: 'b' });
    await caller(app, volunteer())('POST', full, { idempotencyKey: 'x' });
    expect((await call('POST', full, { idempotencyKey: 'c' })).status).toBe(202);

    const schedule = await call('GET', '/me/schedule');
    expect(schedule.body.items.map((c: { claimId: string }) => c.claimId)).toEqual([b.body.claimId, a.body.claimId]);

    const res = await app.request('/me/schedule.ics', { headers: { authorization: `Bearer ${await testToken(me)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').slice(0, -1).every((line) => !line.includes('\n'))).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain(`UID:${b.body.claimId}@lianxin`);
    expect(lines).toContain('SUMMARY:清洁\\; 巡河\\, 助老');
    expect(lines.find((l) => l.startsWith('DTSTART:'))).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
  });
});
