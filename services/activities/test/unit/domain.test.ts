import type { Tag } from '@lianxin/shared/auth/principal';
import { fieldsOf } from '@lianxin/shared/http/app';
import { AppError } from '@lianxin/shared/errors';
import { person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/domain/activity';
import { firstStart, lastEnd, remainingPlaces } from '../../src/domain/activity';
import { inAudience, planClaim } from '../../src/domain/claim';
import { PublishActivityInput, planActivity, publishingOrganization } from '../../src/domain/publish';
import { activityBody } from '../support/bodies';

const NOW = new Date('2031-05-01T08:00:00.000Z');
const grid = { gridId: 'g-1', communityId: 'c-1', streetId: 's-1', center: { lat: 29.7, lng: 115.98 } };
const organization = { orgId: 'org-1', gridIds: ['g-1'] };

const fieldsFor = (overrides: Record<string, unknown>) => {
  const result = PublishActivityInput.safeParse(activityBody('g-1', overrides));
  return result.success ? {} : fieldsOf(result.error);
};

const appError = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

describe('publish input', () => {
  it('accepts a valid body and fills the defaults', () => {
    const { audience: _a, skills: _s, description: _d, ...minimal } = activityBody('g-1');
    const input = PublishActivityInput.parse(minimal);
    expect(input).toMatchObject({ audience: 'everyone', skills: [], description: '' });
  });

  it.each([
    [{ title: 'x'.repeat(101) }, 'title'],
    [{ category: 'sports' }, 'category'],
    [{ location: { lat: -90.5, lng: 0 } }, 'location.lat'],
    [{ pointsPerHour: 0 }, 'pointsPerHour'],
    [{ pointsPerHour: 101 }, 'pointsPerHour'],
    [{ skills: ['x'.repeat(21)] }, 'skills.0'],
    [{ shifts: Array.from({ length: 21 }, () => ({ startsAt: '2031-05-01T09:00:00Z', endsAt: '2031-05-01T10:00:00Z', capacity: 1 })) }, 'shifts'],
    [{ shifts: [{ startsAt: '2031-05-01T09:00:00Z', endsAt: '2031-05-01T09:00:00Z', capacity: 1 }] }, 'shifts.0.endsAt'],
    [{ shifts: [{ startsAt: '2031-05-01T09:00:00Z', endsAt: '2031-05-01T10:00:00Z', capacity: 0 }] }, 'shifts.0.capacity'],
  ])('refuses %j naming %s', (overrides, field) => {
    expect(Object.keys(fieldsFor(overrides))).toContain(field);
  });
});

describe('publishing organization', () => {
  const organizer = (...orgIds: string[]) => person({ roles: ['organizer'], scopes: orgIds.map((o) => `org:${o}`) });

  it('is the only one, or the one named among the organizer\'s own', () => {
    expect(publishingOrganization(organizer('org-1'))).toBe('org-1');
    expect(publishingOrganization(organizer('org-1', 'org-2'), 'org-2')).toBe('org-2');
  });

  it('must be named when there are several, and must be the organizer\'s', () => {
    expect(appError(() => publishingOrganization(organizer('org-1', 'org-2')))).toMatchObject({ status: 400, fields: { orgId: expect.any(String) } });
    expect(appError(() => publishingOrganization(organizer('org-1'), 'org-2'))).toMatchObject({ status: 403, fields: { orgId: expect.any(String) } });
    expect(appError(() => publishingOrganization(organizer()))).toMatchObject({ status: 403 });
  });
});

describe('planActivity', () => {
  const command = (gridId = 'g-1') => ({
    activityId: 'act_1',
    shiftIds: ['sft_1'],
    orgId: 'org-1',
    input: PublishActivityInput.parse(activityBody(gridId, { shifts: [{ startsAt: '2031-05-01T17:00:00+08:00', endsAt: '2031-05-01T19:00:00+08:00', capacity: 4 }] })),
    createdBy: 'u-1',
  });

  it('places the activity in the grid\'s community and street, times in UTC, no place taken', () => {
    const activity = planActivity(command(), { grid, organization }, NOW);
    expect(activity).toMatchObject({ communityId: 'c-1', streetId: 's-1', status: 'published', createdAt: NOW.toISOString() });
    expect(activity.shifts).toEqual([{ shiftId: 'sft_1', startsAt: '2031-05-01T09:00:00.000Z', endsAt: '2031-05-01T11:00:00.000Z', capacity: 4, confirmed: 0, waitlisted: 0 }]);
  });

  it('refuses an unknown grid (404) and a grid the organization does not serve (403 gridId)', () => {
    expect(appError(() => planActivity(command('g-x'), { grid: undefined, organization }, NOW))).toMatchObject({ status: 404, code: 'GRID_NOT_FOUND' });
    const elsewhere = { ...grid, gridId: 'g-2' };
    expect(appError(() => planActivity(command('g-2'), { grid: elsewhere, organization }, NOW))).toMatchObject({ status: 403, fields: { gridId: expect.any(String) } });
    expect(appError(() => planActivity(command(), { grid, organization: undefined }, NOW))).toMatchObject({ status: 403 });
  });
});

describe('claim rules', () => {
  const shift = { shiftId: 'sft_1', startsAt: '2031-05-01T09:00:00.000Z', endsAt: '2031-05-01T11:00:00.000Z', capacity: 2, confirmed: 1, waitlisted: 0 };
  const activity: Activity = { ...planActivity({ activityId: 'act_1', shiftIds: ['sft_1'], orgId: 'org-1', input: PublishActivityInput.parse(activityBody('g-1')), createdBy: 'u-1' }, { grid, organization }, NOW), shifts: [shift] };
  const claimAt = (at: string, audience = activity.audience, ...tags: Tag[]) =>
    planClaim({ claimId: 'clm_1', activity: { ...activity, audience }, shift, volunteer: person({ userId: 'u-v', roles: ['volunteer'], tags }) }, new Date(at));

  it('confirms a claim with the shift\'s times and the activity\'s title', () => {
    expect(claimAt('2031-05-01T08:00:00Z')).toEqual({
      claimId: 'clm_1', activityId: 'act_1', shiftId: 'sft_1', volunteerId: 'u-v', volunteerName: 'Test person', status: 'confirmed',
      waitKey: '0#2031-05-01T08:00:00.000Z#clm_1',
      activityTitle: activity.title, startsAt: shift.startsAt, endsAt: shift.endsAt, createdAt: '2031-05-01T08:00:00.000Z',
    });
  });

  it('keys a waitlist place by reliability band first (no band given: reliable)', () => {
    const volunteer = person({ userId: 'u-v', roles: ['volunteer'] });
    const plan = (band?: 'reliable' | 'unreliable') => planClaim({ claimId: 'clm_1', activity, shift, volunteer, ...(band ? { band } : {}) }, NOW);
    expect(plan('unreliable').waitKey).toBe('1#2031-05-01T08:00:00.000Z#clm_1');
    expect(plan('reliable').waitKey).toBe('0#2031-05-01T08:00:00.000Z#clm_1');
    expect(plan().waitKey).toBe(plan('reliable').waitKey);
  });

  it('allows joining a running shift, not one that has ended', () => {
    expect(claimAt('2031-05-01T10:59:59Z').status).toBe('confirmed');
    expect(appError(() => claimAt('2031-05-01T11:00:00Z'))).toMatchObject({ status: 409, code: 'SHIFT_ENDED' });
  });

  it('keeps restricted activities to their audience', () => {
    expect(appError(() => claimAt('2031-05-01T08:00:00Z', 'party_member', 'league_member'))).toMatchObject({ status: 403, code: 'AUDIENCE_RESTRICTED' });
    expect(claimAt('2031-05-01T08:00:00Z', 'league_member', 'league_member').status).toBe('confirmed');
    expect(inAudience('party_member', ['in_service_party_member'])).toBe(true);
    expect(inAudience('league_member', ['party_member'])).toBe(false);
    expect(inAudience('everyone', [])).toBe(true);
  });

  it('counts remaining places and the activity\'s span', () => {
    expect(remainingPlaces(shift)).toBe(1);
    const later = { ...shift, shiftId: 'sft_2', startsAt: '2031-05-02T09:00:00.000Z', endsAt: '2031-05-02T12:00:00.000Z' };
    expect(firstStart({ shifts: [later, shift] })).toBe(shift.startsAt);
    expect(lastEnd({ shifts: [later, shift] })).toBe(later.endsAt);
  });
});
