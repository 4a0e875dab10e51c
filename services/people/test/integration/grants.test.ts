import { newId } from '@lianxin/shared/ids';
import { person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { activeGrants } from '../../src/store/grants';
import { as, district, newcomer, outboxFor, resident, typesIn } from './support';

const grantBody = (personId: string, role: string, scope: string) => ({ personId, role, scope, reason: '社区推荐' });

describe('POST /people/grants', () => {
  it('lets an admin holding the org make an organizer: 201, active at once, logged, RoleGranted published', async () => {
    const d = await district();
    const target = await resident(d.gridId);
    const admin = newcomer(['admin'], [`org:${d.orgId}`]);
    const res = await as(admin)('POST', '/people/grants', { body: grantBody(target.userId, 'organizer', `org:${d.orgId}`), idempotencyKey: newId('k') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ personId: target.userId, role: 'organizer', scope: `org:${d.orgId}`, grantedBy: admin.userId, reason: '社区推荐' });
    const me = await as(target)('GET', '/people/me');
    expect(me.body.claims).toMatchObject({ roles: ['volunteer', 'organizer'], scopes: [`org:${d.orgId}`, `grid:${d.gridId}`] });
    expect(me.body.grants).toEqual([expect.objectContaining({ grantId: res.body.grantId })]);
    const events = await outboxFor(target.userId);
    expect(events.find((e) => e.type === 'RoleGranted')?.data).toEqual({
      grantId: res.body.grantId, personId: target.userId, role: 'organizer', scope: `org:${d.orgId}`, grantedBy: admin.userId, reason: '社区推荐',
    });
    const log = await as(admin)('GET', '/people/admin-log?limit=100');
    expect(log.body.items).toContainEqual(expect.objectContaining({ action: 'grant', actor: admin.userId, personId: target.userId, reason: '社区推荐' }));
  });

  it('answers an equal active grant with 200 and that grant, whatever the key (idempotent by content)', async () => {
    const d = await district();
    const target = await resident(d.gridId);
    const admin = newcomer(['admin'], [`alliance:${d.allianceId}`]);
    const body = grantBody(target.userId, 'merchant', `merchant:${d.merchantId}`);
    const first = await as(admin)('POST', '/people/grants', { body, idempotencyKey: newId('k') });
    const again = await as(admin)('POST', '/people/grants', { body, idempotencyKey: newId('k') });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.grantId).toBe(first.body.grantId);
    expect(await activeGrants(target.userId)).toHaveLength(1);
    expect(typesIn(await outboxFor(target.userId))).toEqual(['PersonRegistered', 'RoleGranted']);
  });

  it('lets a merchant of the shop add an operator, and refuses a merchant of another shop (403), writing nothing', async () => {
    const d = await district();
    const target = await resident(d.gridId);
    const outsider = newcomer(['merchant'], ['merchant:m-other']);
    const refused = await as(outsider)('POST', '/people/grants', { body: grantBody(target.userId, 'merchant', `merchant:${d.merchantId}`), idempotencyKey: newId('k') });
    expect(refused.status).toBe(403);
    expect(await activeGrants(target.userId)).toEqual([]);
    const owner = newcomer(['merchant'], [`merchant:${d.merchantId}`]);
    const added = await as(owner)('POST', '/people/grants', { body: grantBody(target.userId, 'merchant', `merchant:${d.merchantId}`), idempotencyKey: newId('k') });
    expect(added.status).toBe(201);
  });

  it('refuses out-of-scope grants: an org admin of another org, an admin of another alliance', async () => {
    const d = await district();
    const target = await resident(d.gridId);
    const otherAdmin = newcomer(['admin'], ['org:org-elsewhere', 'alliance:al-elsewhere']);
    for (const [role, scope] of [['organizer', `org:${d.orgId}`], ['admin', `alliance:${d.allianceId}`], ['merchant', `merchant:${d.merchantId}`]]) {
      const res = await as(otherAdmin)('POST', '/people/grants', { body: grantBody(target.userId, role!, scope!), idempotencyKey: newId('k') });
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    expect(await activeGrants(target.userId)).toEqual([]);
  });

  it('refuses SELF_GRANT, a mismatched or unknown scope (400 scope), an unknown person (404)', async () => {
    const d = await district();
    const admin = await resident(d.gridId, ['admin'], [`org:${d.orgId}`, `alliance:${d.allianceId}`]);
    const self = await as(admin)('POST', '/people/grants', { body: grantBody(admin.userId, 'organizer', `org:${d.orgId}`), idempotencyKey: newId('k') });
    expect([self.status, self.body.error.code]).toEqual([403, 'SELF_GRANT']);
    const target = await resident(d.gridId);
    const mismatch = await as(admin)('POST', '/people/grants', { body: grantBody(target.userId, 'organizer', `alliance:${d.allianceId}`), idempotencyKey: newId('k') });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields).toHaveProperty('scope');
    const unknownOrg = await as(admin)('POST', '/people/grants', { body: grantBody(target.userId, 'organizer', 'org:org-none'), idempotencyKey: newId('k') });
    expect([unknownOrg.status, Object.keys(unknownOrg.body.error.fields)]).toEqual([400, ['scope']]);
    const nobody = await as(admin)('POST', '/people/grants', { body: grantBody('u-nobody', 'organizer', `org:${d.orgId}`), idempotencyKey: newId('k') });
    expect(nobody.status).toBe(404);
    expect(await activeGrants(admin.userId)).toEqual([]);
  });

  it('refuses a volunteer or organizer before reading the body (403)', async () => {
    for (const roles of [['volunteer'], ['organizer']] as const) {
      const res = await as(person({ roles: [...roles] }))('POST', '/people/grants', { rawBody: '{"not json', idempotencyKey: newId('k') });
      expect(res.status).toBe(403);
    }
  });
});

describe('revoking, listing and finding', () => {
  it('revokes once with RoleRevoked, keeps the grant in the list, and a second revoke is 409', async () => {
    const d = await district();
    const target = await resident(d.gridId);
    const admin = newcomer(['admin'], [`org:${d.orgId}`]);
    const granted = await as(admin)('POST', '/people/grants', { body: grantBody(target.userId, 'organizer', `org:${d.orgId}`), idempotencyKey: newId('k') });
    const outsider = newcomer(['admin'], ['org:org-elsewhere']);
    const refused = await as(outsider)('POST', `/people/grants/${granted.body.grantId}/revoke`, { body: { reason: '越权' } });
    expect(refused.status).toBe(403);
    const revoked = await as(admin)('POST', `/people/grants/${granted.body.grantId}/revoke`, { body: { reason: '任期结束' } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ revokedBy: admin.userId, revokeReason: '任期结束', revokedAt: expect.any(String) });
    const again = await as(admin)('POST', `/people/grants/${granted.body.grantId}/revoke`, { body: { reason: '任期结束' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'GRANT_REVOKED']);
    expect((await as(target)('GET', '/people/me')).body.claims.roles).toEqual(['volunteer']);
    expect(typesIn(await outboxFor(target.userId))).toEqual(['PersonRegistered', 'RoleGranted', 'RoleRevoked']);
    const list = await as(admin)('GET', `/people/grants?personId=${target.userId}`);
    expect(list.body.items).toEqual([expect.objectContaining({ grantId: granted.body.grantId, revokedAt: expect.any(String) })]);
  });

  it("shows a merchant only their own shops' grants of a person", async () => {
    const d = await district();
    const target = await resident(d.gridId);
    const admin = newcomer(['admin'], [`org:${d.orgId}`, `alliance:${d.allianceId}`]);
    await as(admin)('POST', '/people/grants', { body: grantBody(target.userId, 'organizer', `org:${d.orgId}`), idempotencyKey: newId('k') });
    await as(admin)('POST', '/people/grants', { body: grantBody(target.userId, 'merchant', `merchant:${d.merchantId}`), idempotencyKey: newId('k') });
    const all = await as(admin)('GET', `/people/grants?personId=${target.userId}`);
    expect(all.body.items.map((g: { role: string }) => g.role).sort()).toEqual(['merchant', 'organizer']);
    const shop = newcomer(['merchant'], [`merchant:${d.merchantId}`]);
    const mine = await as(shop)('GET', `/people/grants?personId=${target.userId}`);
    expect(mine.body.items.map((g: { scope: string }) => g.scope)).toEqual([`merchant:${d.merchantId}`]);
  });

  it('finds a person by phone, masked, for admins and merchants only', async () => {
    const d = await district();
    const target = await resident(d.gridId);
    const found = await as(newcomer(['merchant']))('GET', `/people/lookup?phone=${encodeURIComponent(target.phone!)}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ personId: target.userId, displayName: '小陈', phoneMasked: `+86${target.phone!.slice(3, 6)}****${target.phone!.slice(-4)}` });
    expect((await as(newcomer(['admin']))('GET', '/people/lookup?phone=%2B8613000000000')).status).toBe(404);
    expect((await as(newcomer(['volunteer']))('GET', `/people/lookup?phone=${encodeURIComponent(target.phone!)}`)).status).toBe(403);
  });
});
