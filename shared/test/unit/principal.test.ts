import { describe, expect, it } from 'vitest';
import { claimsFromPrincipal, inScope, principalFromClaims, scopeIds } from '../../src/auth/principal';

describe('principal and claims', () => {
  const p = { userId: 'u1', name: '张伟', roles: ['volunteer' as const, 'organizer' as const], tags: ['party_member' as const], scopes: ['org:o1', 'grid:g1', 'org:o2'], gridId: 'g1' };

  it('round-trips through Cognito-shaped claims', () => {
    const claims = claimsFromPrincipal(p);
    expect(claims['cognito:groups']).toEqual(['volunteer', 'organizer']);
    expect(claims['custom:scopes']).toBe('org:o1,grid:g1,org:o2');
    expect(principalFromClaims(claims)).toEqual(p);
  });

  it('drops unknown roles and tags instead of trusting them', () => {
    const parsed = principalFromClaims({ sub: 'x', 'cognito:groups': ['volunteer', 'superuser'], 'custom:tags': 'league_member,vip' });
    expect(parsed.roles).toEqual(['volunteer']);
    expect(parsed.tags).toEqual(['league_member']);
  });

  it('answers scope questions by kind', () => {
    expect(scopeIds(p, 'org')).toEqual(['o1', 'o2']);
    expect(inScope(p, 'grid', 'g1')).toBe(true);
    expect(inScope(p, 'merchant', 'o1')).toBe(false);
  });

  it('refuses groups in any shape but the array a Cognito ID token carries', () => {
    expect(() => principalFromClaims({ sub: 'x', 'cognito:groups': 'admin' })).toThrow();
  });
});
