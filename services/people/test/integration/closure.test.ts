import { newId } from '@lianxin/shared/ids';
import { describe, expect, it } from 'vitest';
import { activeGrants } from '../../src/store/grants';
import { loadPerson } from '../../src/store/people';
import { as, district, identity, newcomer, outboxFor, resident, typesIn } from './support';

const close = (who: Parameters<typeof as>[0], idempotencyKey = newId('k')) =>
  as(who)('POST', '/people/me/close', { body: { confirm: 'CLOSE' }, idempotencyKey });

describe('GET /people/me/export', () => {
  it('gives the person all that is kept: profile with the id card’s last 4 only, consents, 双报到, grants incl. revoked, log', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    await as(who)('PUT', '/people/me/profile', { body: { displayName: '小陈', gridId: d.gridId, skills: [], availability: [], idCardNumber: '440524188001010014' } });
    await as(who)('PUT', '/people/me/dual-registration', { body: { workUnit: '市财政局', partyBranch: '第一支部' } });
    const admin = newcomer(['admin'], [`org:${d.orgId}`]);
    const granted = await as(admin)('POST', '/people/grants', { body: { personId: who.userId, role: 'organizer', scope: `org:${d.orgId}`, reason: '推荐' }, idempotencyKey: newId('k') });
    await as(admin)('POST', `/people/grants/${granted.body.grantId}/revoke`, { body: { reason: '调动' } });
    const res = await as(who)('GET', '/people/me/export');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      personId: who.userId, status: 'active', phone: who.phone, exportedAt: expect.any(String),
      profile: { idCard: { last4: '0014' } }, consents: [expect.objectContaining({ version: expect.any(String) })],
      dualRegistration: { status: 'pending' }, grants: [expect.objectContaining({ revokeReason: '调动' })],
    });
    expect(res.body.adminLog.map((e: { action: string }) => e.action).sort()).toEqual(['grant', 'revoke']);
    expect(JSON.stringify(res.body)).not.toMatch(/4405241880|"hash"/);
  });
});

describe('POST /people/me/close', () => {
  it('erases personal data, revokes grants, keeps consents, deletes the login and then the phone', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    await as(who)('PUT', '/people/me/dual-registration', { body: { workUnit: '市财政局', partyBranch: '第一支部' } });
    const admin = newcomer(['admin'], [`org:${d.orgId}`]);
    await as(admin)('POST', '/people/grants', { body: { personId: who.userId, role: 'organizer', scope: `org:${d.orgId}`, reason: '推荐' }, idempotencyKey: newId('k') });

    const res = await close(who);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ personId: who.userId, status: 'closed', pseudonym: expect.stringMatching(/^anon_/) });
    expect(identity.deleted).toContain(who.phone);
    const stored = await loadPerson(who.userId);
    expect(stored).toMatchObject({ status: 'closed', consent: { version: expect.any(String) }, loginDeletedAt: expect.any(String) });
    expect(stored?.profile).toBeUndefined();
    expect(stored?.dualRegistration).toBeUndefined();
    expect(stored?.phone).toBeUndefined();
    expect(await activeGrants(who.userId)).toEqual([]);
    const events = await outboxFor(who.userId);
    expect(typesIn(events)).toEqual(['PersonClosed', 'PersonRegistered', 'RoleGranted', 'RoleRevoked']);
    expect(events.find((e) => e.type === 'RoleRevoked')?.data).toMatchObject({ revokedBy: who.userId, reason: 'account closed' });
    expect(events.find((e) => e.type === 'PersonClosed')?.data).toEqual({ personId: who.userId, pseudonym: res.body.pseudonym });
    const exported = await as(who)('GET', '/people/me/export');
    expect(exported.body.consents).toHaveLength(1);
    expect((await as(admin)('GET', `/people/lookup?phone=${encodeURIComponent(who.phone!)}`)).status).toBe(404);
    const later = await as(who)('PUT', '/people/me/profile', { body: { displayName: 'x', gridId: d.gridId, skills: [], availability: [] } });
    expect([later.status, later.body.error.code]).toEqual([409, 'PERSON_CLOSED']);
  });

  it('keeps the phone until the login is deleted: a failed deletion is finished by calling again', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    identity.failures = 1;
    const failed = await close(who);
    expect(failed.status).toBe(500);
    const half = await loadPerson(who.userId);
    expect(half).toMatchObject({ status: 'closed', phone: who.phone });
    expect(half?.loginDeletedAt).toBeUndefined();
    const finished = await close(who);
    expect(finished.status).toBe(200);
    expect(finished.body.pseudonym).toBe(half?.pseudonym);
    expect(identity.deleted).toContain(who.phone);
    expect((await loadPerson(who.userId))?.phone).toBeUndefined();
    expect(typesIn(await outboxFor(who.userId)).filter((t) => t === 'PersonClosed')).toHaveLength(1);
  });

  it("refuses anything but confirm 'CLOSE' (400), closing nothing", async () => {
    const d = await district();
    const who = await resident(d.gridId);
    const res = await as(who)('POST', '/people/me/close', { body: { confirm: 'close' }, idempotencyKey: newId('k') });
    expect(res.status).toBe(400);
    expect((await loadPerson(who.userId))?.status).toBe('active');
  });
});
