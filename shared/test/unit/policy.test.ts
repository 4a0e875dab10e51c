import { describe, expect, it } from 'vitest';
import { POLICY, authorize, mayAttempt, permits, rolesFor } from '../../src/auth/policy';
import { person } from '../../src/testing';

const organizerOf = (orgId: string) => person({ roles: ['organizer'], scopes: [`org:${orgId}`] });

describe('the authorization policy', () => {
  it('lets a role attempt an action before the resource is known', () => {
    expect(mayAttempt(organizerOf('o1'), 'hours.verify')).toBe(true);
    expect(mayAttempt(person({ roles: ['volunteer'] }), 'hours.verify')).toBe(false);
  });

  it('holds a scoped role to its own scope once the resource is known', () => {
    expect(permits(organizerOf('o1'), 'hours.verify', { org: 'o1' })).toBe(true);
    expect(permits(organizerOf('o1'), 'hours.verify', { org: 'o2' })).toBe(false);
    expect(permits(organizerOf('o1'), 'hours.verify', {})).toBe(false);
  });

  it('lets roles marked anywhere act on any resource', () => {
    const admin = person({ roles: ['admin'] });
    expect(permits(admin, 'wish.vet', { org: 'o9' })).toBe(true);
    expect(permits(admin, 'hours.verify', { org: 'o9' })).toBe(false);
  });

  it('says whether the role or the scope is missing', () => {
    expect(() => authorize(person({ roles: ['merchant'] }), 'hours.verify', { org: 'o1' })).toThrow(/needs the role organizer/);
    expect(() => authorize(organizerOf('o1'), 'hours.verify', { org: 'o2' })).toThrow(/of this org/);
  });

  it('names at least one role for every action', () => {
    for (const action of Object.keys(POLICY) as (keyof typeof POLICY)[]) expect(rolesFor(action).length).toBeGreaterThan(0);
  });
});
