import { describe, expect, it } from 'vitest';
import { principalOf } from '../../src/domain/claims';
import type { ActiveGrant } from '../../src/domain/grants';
import { type Person, newPerson } from '../../src/domain/person';

const NOW = new Date('2026-12-01T08:00:00.000Z');

const resident = (patch: Partial<Person> = {}): Person => ({
  ...newPerson('u-1', NOW),
  status: 'active',
  profile: { displayName: '陈静', gridId: 'g-hubin-2', communityId: 'c-hubin', streetId: 's-baishuihu', skills: [], availability: [], updatedAt: NOW.toISOString() },
  ...patch,
});

const grant = (role: ActiveGrant['role'], scope: string, grantedAt: string): ActiveGrant => ({
  grantId: `grt-${scope}`, role, scope, grantedBy: 'u-admin', grantedAt, reason: 'test',
});

describe('the token claims of a person', () => {
  it('makes an unknown person a volunteer with no scope, named by their sign-up name', () => {
    expect(principalOf(undefined, [], '小明')).toEqual({ name: '小明', roles: ['volunteer'], tags: [], scopes: [] });
  });

  it('gives a resident their home grid as scope and grid, and their display name', () => {
    expect(principalOf(resident(), [], 'sign-up name')).toEqual({
      name: '陈静', roles: ['volunteer'], tags: [], scopes: ['grid:g-hubin-2'], gridId: 'g-hubin-2',
    });
  });

  it('adds granted roles once and granted scopes in the order granted, before the home grid', () => {
    const grants = [grant('admin', 'alliance:al-1', '2026-12-01T08:00:00.002Z'), grant('organizer', 'org:o-2', '2026-12-01T08:00:00.001Z')];
    const claims = principalOf(resident({ baseRoles: ['organizer', 'volunteer'] }), grants);
    expect(claims.roles).toEqual(['organizer', 'volunteer', 'admin']);
    expect(claims.scopes).toEqual(['org:o-2', 'alliance:al-1', 'grid:g-hubin-2']);
  });

  it('adds the party tags once 双报到 is confirmed, and not while it is pending', () => {
    const dual = { workUnit: '市财政局', partyBranch: '第一支部', communityId: 'c-hubin', submittedAt: NOW.toISOString() };
    expect(principalOf(resident({ dualRegistration: { ...dual, status: 'pending' } }), []).tags).toEqual([]);
    expect(principalOf(resident({ seededTags: ['party_member'], dualRegistration: { ...dual, status: 'confirmed' } }), []).tags).toEqual([
      'party_member', 'in_service_party_member',
    ]);
  });

  it('keeps a seeded shop without grid and without the volunteer role', () => {
    const shop = resident({ baseRoles: ['merchant'], profile: { displayName: '联盛超市店长', skills: [], availability: [], updatedAt: NOW.toISOString() } });
    const claims = principalOf(shop, [grant('merchant', 'merchant:m-1', '2026-12-01T08:00:00.000Z')]);
    expect(claims).toEqual({ name: '联盛超市店长', roles: ['merchant'], tags: [], scopes: ['merchant:m-1'] });
  });
});
