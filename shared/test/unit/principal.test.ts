import { describe, expect, it } from 'vitest';
import { claimsFromPrincipal, inScope, principalFromClaims, scopeIds } from '../../src/auth/principal';

describe('principal and claims', () => {
  const p = { userId: 'u1', name: '张伟', roles: ['volunteer' as const, 'organizer' as const], tags: ['party_member' as const], scopes: ['org:o1', 'grid:g1', 'org:o2'], gridId: 'g1' };

  it('round-trips through the string claims the pre-token trigger adds', () => {
    const claims = claimsFromPrincipal(p);
    expect(claims['lianxin:roles']).toBe('volunteer,organizer');
    expect(claims['lianxin:scopes']).toBe('org:o1,grid:g1,org:o2');
    expect(principalFromClaims(claims)).toEqual(p);
  });

  it('drops unknown roles and tags instead of trusting them', () => {
    const parsed = principalFromClaims({ sub: 'x', 'lianxin:roles': 'volunteer,superuser', 'lianxin:tags': 'league_member,vip' });
    expect(parsed.roles).toEqual(['volunteer']);
    expect(parsed.tags).toEqual(['league_member']);
  });

  it('answers scope questions by kind', () => {
    expect(scopeIds(p, 'org')).toEqual(['o1', 'o2']);
    expect(inScope(p, 'grid', 'g1')).toBe(true);
    expect(inScope(p, 'merchant', 'o1')).toBe(false);
  });

  it('refuses granted claims in any shape but a string', () => {
    expect(() => principalFromClaims({ sub: 'x', 'lianxin:roles': ['admin'] })).toThrow();
  });

  it('ignores Cognito groups and custom attributes: only granted claims give roles and scopes', () => {
    const parsed = principalFromClaims({ sub: 'x', 'cognito:groups': ['admin'], 'custom:scopes': 'org:o1', 'custom:roles': 'admin' });
    expect(parsed.roles).toEqual([]);
    expect(parsed.scopes).toEqual([]);
  });
});
