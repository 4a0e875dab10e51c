import { person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { answerDelta, headcount, issuingOrganization, planCall, planEscalation, reaches, volunteerGridIds } from '../../src/domain/emergency/call';

const now = new Date('2026-11-21T08:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const at = { lat: 29.7, lng: 115.98 };
const g1 = { gridId: 'g1', communityId: 'c1', streetId: 's1', center: at };
const g2 = { gridId: 'g2', communityId: 'c1', streetId: 's1', center: at };
const g3 = { gridId: 'g3', communityId: 'c2', streetId: 's1', center: at };
const g4 = { gridId: 'g4', communityId: 'c3', streetId: 's2', center: at };
const input = {
  title: '防汛沙袋搬运',
  description: '',
  gridIds: ['g1'],
  targetHeadcount: 10,
  musterPoint: { address: '湖滨社区广场', ...at },
  escalateAfterMinutes: 15,
};
const issued = () => planCall({ callId: 'ecl_1', orgId: 'o1', input, grids: [g1], issuedBy: 'u1' }, now);

describe('emergency calls', () => {
  it('start at grid level with a timer escalateAfterMinutes away', () => {
    expect(issued()).toMatchObject({ level: 'grids', communityIds: ['c1'], streetIds: ['s1'], escalateAt: minutes(15).toISOString(), accepted: 0 });
    expect(() => planCall({ callId: 'x', orgId: 'o1', input, grids: [undefined], issuedBy: 'u1' }, now)).toThrow(/grid/);
  });

  it('are issued for an organization of the caller serving every grid', () => {
    const p = person({ roles: ['organizer'], scopes: ['org:o1', 'org:o2'] });
    const orgs = [{ orgId: 'o1', gridIds: ['g1'] }, { orgId: 'o2', gridIds: ['g1', 'g2'] }, { orgId: 'o3', gridIds: ['g3'] }];
    expect(issuingOrganization(p, orgs, ['g1', 'g2'])).toBe('o2');
    expect(() => issuingOrganization(p, orgs, ['g3'])).toThrow(/serves/);
    expect(() => issuingOrganization(p, orgs, ['g1'], 'o3')).toThrow(/organize/);
  });

  it('widen grids → community → street, each after the period, and stop once the target is met', () => {
    const call = issued();
    expect(planEscalation(call, minutes(14))).toEqual({ kind: 'wait' });
    expect(planEscalation(call, minutes(15))).toEqual({ kind: 'widen', level: 'community', escalateAt: minutes(30).toISOString() });
    const community = { ...call, level: 'community' as const, escalateAt: minutes(30).toISOString() };
    expect(planEscalation(community, minutes(29))).toEqual({ kind: 'wait' });
    expect(planEscalation(community, minutes(31))).toEqual({ kind: 'widen', level: 'street' });
    expect(planEscalation({ ...call, level: 'street' }, minutes(99))).toEqual({ kind: 'settle' });
    expect(planEscalation({ ...call, accepted: 10 }, minutes(16))).toEqual({ kind: 'settle' });
    expect(planEscalation({ ...call, escalateAt: undefined }, minutes(99))).toEqual({ kind: 'wait' });
  });

  it('reach the volunteers of the level reached', () => {
    const call = issued();
    expect([g1, g2, g3, g4].map((g) => reaches(call, [g]))).toEqual([true, false, false, false]);
    expect([g1, g2, g3, g4].map((g) => reaches({ ...call, level: 'community' }, [g]))).toEqual([true, true, false, false]);
    expect([g1, g2, g3, g4].map((g) => reaches({ ...call, level: 'street' }, [g]))).toEqual([true, true, true, false]);
    expect(headcount({ ...call, level: 'community', accepted: 3 })).toEqual({
      accepted: 3, declined: 0, target: 10, reachedGridIds: ['g1'], reachedCommunityIds: ['c1'], reachedStreetIds: [], level: 'community',
    });
  });

  it('count one answer per volunteer, a change of mind moving it between counters', () => {
    expect(answerDelta(undefined, 'accept')).toEqual({ accepted: 1, declined: 0 });
    expect(answerDelta('accept', 'decline')).toEqual({ accepted: -1, declined: 1 });
    expect(answerDelta('decline', 'accept')).toEqual({ accepted: 1, declined: -1 });
    expect(answerDelta('accept', 'accept')).toBeUndefined();
  });

  it('find a volunteer\'s grids in their profile and grid scopes', () => {
    expect(volunteerGridIds(person({ roles: ['volunteer'], gridId: 'g1', scopes: ['grid:g1', 'grid:g2', 'org:o1'] }))).toEqual(['g1', 'g2']);
  });
});
