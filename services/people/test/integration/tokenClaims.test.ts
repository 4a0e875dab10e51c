import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import type { Principal } from '@lianxin/shared/auth/principal';
import { principalFromClaims } from '@lianxin/shared/auth/principal';
import { newId } from '@lianxin/shared/ids';
import { describe, expect, it } from 'vitest';
import { seedPeople } from '../../src/app/seed';
import { handler } from '../../src/handlers/tokenClaims';
import { as, district, newPhone, resident } from './support';

/** A PreTokenGeneration (V1) event as Cognito sends it for a sign-in. */
const signIn = (sub: string, attributes: Record<string, string> = {}): PreTokenGenerationTriggerEvent => ({
  version: '1', region: 'ap-east-1', userPoolId: 'pool', userName: sub, triggerSource: 'TokenGeneration_Authentication',
  callerContext: { awsSdkVersion: 'x', clientId: 'client' },
  request: { userAttributes: { sub, ...attributes }, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] } },
  response: { claimsOverrideDetails: {} },
} as PreTokenGenerationTriggerEvent);

const claimsOf = async (sub: string, attributes?: Record<string, string>) =>
  (await handler(signIn(sub, attributes))).response.claimsOverrideDetails!.claimsToAddOrOverride!;

/** Three of the demo district's people, in its shapes, with ids of this run. */
const demoTrio = (d: Awaited<ReturnType<typeof district>>) => {
  const id = newId('u');
  const lihong: Principal = { userId: `${id}-lihong`, name: '李红', roles: ['organizer', 'volunteer'], tags: ['party_member'], scopes: [`org:${d.orgId}`, `grid:${d.gridId}`], gridId: d.gridId };
  const shop: Principal = { userId: `${id}-shop`, name: '联盛超市店长', roles: ['merchant'], tags: [], scopes: [`merchant:${d.merchantId}`, `alliance:${d.allianceId}`] };
  const admin: Principal = { userId: `${id}-admin`, name: '街道党工委管理员', roles: ['admin'], tags: [], scopes: [`alliance:${d.allianceId}`, `org:${d.orgId}-b`, `org:${d.orgId}`] };
  return [lihong, shop, admin];
};

describe('the token claims trigger', () => {
  it('gives a newcomer the volunteer role, no scope, their sign-up name and phone', async () => {
    const sub = newId('u');
    expect(await claimsOf(sub, { name: '小明', phone_number: '+8613900000001' })).toEqual({
      name: '小明', 'lianxin:roles': 'volunteer', 'lianxin:tags': '', 'lianxin:scopes': '', phone_number: '+8613900000001',
    });
  });

  it('gives each seeded demo person exactly their roles, scopes, tags and grid; seeding again changes nothing', async () => {
    const d = await district();
    const trio = demoTrio(d);
    const input = {
      streets: [], communities: [], grids: [{ gridId: d.gridId, name: '网格', nameEn: 'Grid', communityId: d.communityId, streetId: d.streetId }],
      organizations: [
        { orgId: d.orgId, name: '党委', nameEn: 'Committee', kind: 'community_party', gridIds: [d.gridId] },
        { orgId: `${d.orgId}-b`, name: '团委', nameEn: 'League', kind: 'youth_league', gridIds: [d.gridId] },
      ],
      alliance: { allianceId: d.allianceId, name: '联盟', nameEn: 'Alliance' },
      merchants: [{ merchantId: d.merchantId, name: '超市', nameEn: 'Shop' }],
      people: trio.map((p) => ({ ...p, phone: newPhone() })),
    };
    expect(await seedPeople(input)).toEqual({ people: 3 });
    expect(await seedPeople(input)).toEqual({ people: 0 });
    for (const demo of trio) {
      const { phone_number: _phone, ...claims } = await claimsOf(demo.userId, { name: 'ignored' });
      expect(principalFromClaims({ sub: demo.userId, ...claims })).toEqual(demo);
    }
  });

  it('carries a registered resident’s grid and display name', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    expect(await claimsOf(who.userId, { name: 'sign-up name' })).toMatchObject({
      name: '小陈', 'lianxin:roles': 'volunteer', 'lianxin:scopes': `grid:${d.gridId}`, 'lianxin:grid': d.gridId,
    });
  });

  it('refuses a token to a closed person', async () => {
    const d = await district();
    const who = await resident(d.gridId);
    const closed = await as(who)('POST', '/people/me/close', { body: { confirm: 'CLOSE' }, idempotencyKey: newId('k') });
    expect(closed.status).toBe(200);
    await expect(handler(signIn(who.userId))).rejects.toThrow(/closed/);
  });
});
