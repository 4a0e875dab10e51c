import { describe, expect, it } from 'vitest';
import { authorize } from '@lianxin/shared/auth/policy';
import { must } from '@lianxin/shared/errors';
import { person } from '@lianxin/shared/testing';
import { reject, verify } from '../../src/domain/verification';
import { sampleCheckedOutLog } from '../support/samples';

const now = new Date('2025-03-05T04:00:00.000Z');
const log = sampleCheckedOutLog;
const organizer = person({ userId: 'u-org', roles: ['organizer'], scopes: ['org:org-1'] });

describe('verification', () => {
  it('credits the recorded minutes without a note, and no points (the ledger computes them)', () => {
    expect(must(verify(log, organizer, {}, now))).not.toHaveProperty('points');
    expect(must(verify(log, organizer, {}, now))).toMatchObject({
      status: 'verified',
      minutes: 110,
      verifiedBy: 'u-org',
      decidedAt: now.toISOString(),
    });
  });

  it('accepts adjusted minutes only with a note', () => {
    expect(verify(log, organizer, { minutes: 120 }, now)).toMatchObject({ status: 400, fields: { note: expect.any(String) } });
    expect(verify(log, organizer, { minutes: 120, note: '  ' }, now)).toMatchObject({ status: 400, fields: { note: expect.any(String) } });
    expect(must(verify(log, organizer, { minutes: 120, note: '提前到场布置' }, now))).toMatchObject({ minutes: 120, note: '提前到场布置' });
    expect(must(verify(log, organizer, { minutes: 110 }, now)).minutes).toBe(110);
  });

  it("records a whole, non-negative organizer's bonus beside the minutes", () => {
    expect(must(verify(log, organizer, { bonusPoints: 20 }, now))).toMatchObject({ minutes: 110, bonusPoints: 20 });
    expect(must(verify(log, organizer, {}, now))).not.toHaveProperty('bonusPoints');
    for (const bonusPoints of [-1, 1.5, Number.NaN]) {
      expect(verify(log, organizer, { bonusPoints }, now)).toMatchObject({ status: 400, fields: { bonusPoints: expect.any(String) } });
    }
  });

  it('keeps adjusted minutes within a day', () => {
    expect(verify(log, organizer, { minutes: 24 * 60 + 1, note: 'x' }, now)).toMatchObject({ status: 400, fields: { minutes: expect.any(String) } });
    expect(verify(log, organizer, { minutes: -1, note: 'x' }, now)).toMatchObject({ status: 400 });
  });

  it('is for organizers of the log organization only (the policy), never for oneself (the domain)', () => {
    const volunteerOnly = person({ roles: ['volunteer'], scopes: ['org:org-1'] });
    const otherOrg = person({ roles: ['organizer'], scopes: ['org:org-2'] });
    const self = person({ userId: 'u-vol', roles: ['organizer', 'volunteer'], scopes: ['org:org-1'] });
    // What verifyHours asks of the policy once the log is loaded.
    const refusalOf = (who: typeof organizer) => {
      try {
        authorize(who, 'hours.verify', { org: log.orgId });
        return undefined;
      } catch (error) {
        return error;
      }
    };
    expect(refusalOf(volunteerOnly)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(refusalOf(otherOrg)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(refusalOf(organizer)).toBeUndefined();
    expect(refusalOf(self)).toBeUndefined();
    expect(verify(log, self, {}, now)).toMatchObject({ status: 403, code: 'SELF_VERIFICATION' });
  });

  it('needs a checked-out log not yet decided', () => {
    expect(verify({ ...log, status: 'checked_in' }, organizer, {}, now)).toMatchObject({ status: 409, code: 'NOT_VERIFIABLE' });
    expect(verify({ ...log, status: 'verified' }, organizer, {}, now)).toMatchObject({ status: 409, code: 'ALREADY_VERIFIED' });
    expect(verify({ ...log, status: 'rejected' }, organizer, {}, now)).toMatchObject({ status: 409, code: 'NOT_VERIFIABLE' });
  });
});

describe('rejection', () => {
  it('records the reason and who rejected', () => {
    expect(must(reject(log, organizer, { reason: ' 未到场 ' }, now))).toMatchObject({ status: 'rejected', reason: '未到场', rejectedBy: 'u-org' });
  });

  it('follows the same rules as verification', () => {
    expect(reject({ ...log, volunteerId: 'u-org' }, organizer, { reason: 'x' }, now)).toMatchObject({ code: 'SELF_VERIFICATION' });
    expect(reject({ ...log, status: 'verified' }, organizer, { reason: 'x' }, now)).toMatchObject({ code: 'ALREADY_VERIFIED' });
    expect(reject(log, organizer, { reason: ' ' }, now)).toMatchObject({ status: 400, fields: { reason: expect.any(String) } });
  });
});
