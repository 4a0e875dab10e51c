import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/person';
import { loadPerson } from '../../src/store/people';
import { as, district, newcomer, outboxFor, resident, typesIn, validProfile } from './support';

describe('GET /people/me', () => {
  it('answers a person never seen as new, with a newcomer’s claims, and writes nothing', async () => {
    const who = newcomer();
    const res = await as(who)('GET', '/people/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      personId: who.userId, status: 'new', privacyNotice: { version: PRIVACY_NOTICE_VERSION }, grants: [],
      claims: { roles: ['volunteer'], scopes: [], tags: [] },
    });
    expect(await loadPerson(who.userId)).toBeUndefined();
  });
});

describe('POST /people/me/consents', () => {
  it('records the current version with its time, and keeps the history', async () => {
    const who = newcomer();
    const first = await as(who)('POST', '/people/me/consents', { body: { version: PRIVACY_NOTICE_VERSION } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'new', phone: who.phone, privacyNotice: { version: PRIVACY_NOTICE_VERSION, acceptedAt: expect.any(String) } });
    await as(who)('POST', '/people/me/consents', { body: { version: PRIVACY_NOTICE_VERSION } });
    const exported = await as(who)('GET', '/people/me/export');
    expect(exported.body.consents).toHaveLength(2);
  });

  it('refuses another version with 400 naming version, storing nothing', async () => {
    const who = newcomer();
    const res = await as(who)('POST', '/people/me/consents', { body: { version: '2020-01' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('version');
    expect(await loadPerson(who.userId)).toBeUndefined();
  });
});

describe('PUT /people/me/profile', () => {
  it('needs the notice accepted first (409 CONSENT_REQUIRED), and stores nothing', async () => {
    const { gridId } = await district();
    const who = newcomer();
    const res = await as(who)('PUT', '/people/me/profile', { body: validProfile(gridId) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONSENT_REQUIRED');
    expect(await loadPerson(who.userId)).toBeUndefined();
  });

  it('makes the person active with the grid’s community and street, publishes PersonRegistered once', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    const me = await as(who)('GET', '/people/me');
    expect(me.body).toMatchObject({
      status: 'active',
      profile: { displayName: '小陈', gridId: d.gridId, communityId: d.communityId, streetId: d.streetId, skills: ['护理'], availability: ['weekend'] },
      claims: { roles: ['volunteer'], scopes: [`grid:${d.gridId}`], tags: [], gridId: d.gridId },
    });
    await as(who)('PUT', '/people/me/profile', { body: { ...validProfile(d.gridId2), displayName: '陈静' } });
    const events = await outboxFor(who.userId);
    expect(typesIn(events)).toEqual(['PersonRegistered']);
    expect(events[0]!.data).toEqual({ personId: who.userId, gridId: d.gridId, communityId: d.communityId, streetId: d.streetId });
  });

  it('keeps an id card only as a keyed hash and its last 4, and keeps it when later saves omit it', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    const res = await as(who)('PUT', '/people/me/profile', { body: { ...validProfile(d.gridId), realName: '陈静', idCardNumber: '11010519491231002X' } });
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ realName: '陈静', idCard: { last4: '002X' } });
    const stored = await loadPerson(who.userId);
    expect(JSON.stringify(stored)).not.toContain('110105194912');
    expect(stored?.profile?.idCard?.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await as(who)('PUT', '/people/me/profile', { body: validProfile(d.gridId) });
    expect(again.body.profile.idCard).toEqual({ last4: '002X' });
  });

  it('refuses a bad checksum naming idCardNumber, an unknown grid naming gridId, changing nothing', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    const before = await loadPerson(who.userId);
    const badCard = await as(who)('PUT', '/people/me/profile', { body: { ...validProfile(d.gridId2), idCardNumber: '110105194912310021' } });
    expect(badCard.status).toBe(400);
    expect(badCard.body.error.fields).toHaveProperty('idCardNumber');
    const badGrid = await as(who)('PUT', '/people/me/profile', { body: validProfile('g-nowhere') });
    expect(badGrid.status).toBe(400);
    expect(badGrid.body.error.fields).toHaveProperty('gridId');
    expect(await loadPerson(who.userId)).toEqual(before);
  });

  it('answers a missing hash key with a 500, never storing the number', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    const key = process.env.ID_CARD_HASH_KEY;
    delete process.env.ID_CARD_HASH_KEY;
    try {
      const res = await as(who)('PUT', '/people/me/profile', { body: { ...validProfile(d.gridId), idCardNumber: '440524188001010014' } });
      expect(res.status).toBe(500);
    } finally {
      process.env.ID_CARD_HASH_KEY = key;
    }
    expect((await loadPerson(who.userId))?.profile?.idCard).toBeUndefined();
  });

  it('validates names and lists: real name letters only, at most 10 skills', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    const res = await as(who)('PUT', '/people/me/profile', { body: { ...validProfile(d.gridId), realName: '陈1', skills: Array(11).fill('x') } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['realName', 'skills']);
  });
});

describe('the directory', () => {
  it('lists the places, organizations and shops to any signed-in role', async () => {
    const d = await district();
    const who = newcomer(['merchant']);
    const places = await as(who)('GET', '/people/places');
    expect(places.body.grids).toContainEqual({ gridId: d.gridId, name: '网格', nameEn: 'Grid', communityId: d.communityId, streetId: d.streetId });
    expect(places.body.communities).toContainEqual(expect.objectContaining({ communityId: d.communityId, streetId: d.streetId }));
    const orgs = await as(who)('GET', '/people/organizations');
    expect(orgs.body.items).toContainEqual(expect.objectContaining({ orgId: d.orgId, gridIds: [d.gridId, d.gridId2] }));
    const shops = await as(who)('GET', '/people/merchants');
    expect(shops.body.items).toContainEqual({ merchantId: d.merchantId, name: '超市', nameEn: 'Shop', allianceId: d.allianceId });
  });
});
