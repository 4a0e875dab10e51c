import { describe, expect, it } from 'vitest';
import { authorize } from '@lianxin/shared/auth/policy';
import { must } from '@lianxin/shared/errors';
import { person } from '@lianxin/shared/testing';
import { reject, verify } from '../../src/domain/verification';
import { sampleCheckedOutLog } from '../support/samples';

const now = new Date('2025-03-05T04:00:00.000Z');
const log = sampleCheckedOutLog;
const organizer = person({ userId: 'u-org', roles: ['organizer'], scopes: ['org:org-1'] });
/** The earning policy's maximum organizer bonus, as verifyHours passes it in. */
const MAX_BONUS = 20;

describe('verification', () => {
  it('credits the recorded minutes without a note, and no points (the ledger computes them)', () => {
    expect(must(verify(log, organizer, {}, now, MAX_BONUS))).not.toHaveProperty('points');
    expect(must(verify(log, organizer, {}, now, MAX_BONUS))).toMatchObject({
      status: 'verified',
      minutes: 110,
      verifiedBy: 'u-org',
      decidedAt: now.toISOString(),
    });
  });

  it('accepts adjusted minutes only with a note', () => {
    expect(verify(log, organizer, { minutes: 120 }, now, MAX_BONUS)).toMatchObject({ status: 400, fields: { note: expect.any(String) } });
    expect(verify(log, organizer, { minutes: 120, note: '  ' }, now, MAX_BONUS)).toMatchObject({ status: 400, fields: { note: expect.any(String) } });
    expect(must(verify(log, organizer, { minutes: 120, note: '提前到场布置' }, now, MAX_BONUS))).toMatchObject({ minutes: 120, note: '提前到场布置' });
    expect(must(verify(log, organizer, { minutes: 110 }, now, MAX_BONUS)).minutes).toBe(110);
  });

  it("records a whole organizer's bonus from 0 to the policy's maximum beside the minutes", () => {
    expect(must(verify(log, organizer, { bonusPoints: MAX_BONUS }, now, MAX_BONUS))).toMatchObject({ minutes: 110, bonusPoints: MAX_BONUS });
    expect(must(verify(log, organizer, { bonusPoints: 30 }, now, 30))).toMatchObject({ bonusPoints: 30 });
    expect(must(verify(log, organizer, {}, now, MAX_BONUS))).not.toHaveProperty('bonusPoints');
    expect(verify(log, organizer, { bonusPoints: MAX_BONUS + 1 }, now, MAX_BONUS)).toMatchObject({
      status: 400,
      fields: { bonusPoints: expect.stringContaining(`0 to ${MAX_BONUS}`) },
    });
    for (const bonusPoints of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER]) {
      expect(verify(log, organizer, { bonusPoints }, now, MAX_BONUS)).toMatchObject({ status: 400, fields: { bonusPoints: expect.any(String) } });
    }
  });

  it('keeps adjusted minutes within a day', () => {
    expect(verify(log, organizer, { minutes: 24 * 60 + 1, note: 'x' }, now, MAX_BONUS)).toMatchObject({ status: 400, fields: { minutes: expect.any(String) } });
    expect(verify(log, organizer, { minutes: -1, note: 'x' }, now, MAX_BONUS)).toMatchObject({ status: 400 });
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
    expect(verify(log, self, {}, now, MAX_BONUS)).toMatchObject({ status: 403, code: 'SELF_VERIFICATION' });
  });

  it('needs a checked-out log not yet decided', () => {
    expect(verify({ ...log, status: 'checked_in' }, organizer, {}, now, MAX_BONUS)).toMatchObject({ status: 409, code: 'NOT_VERIFIABLE' });
    expect(verify({ ...log, status: 'verified' }, organizer, {}, now, MAX_BONUS)).toMatchObject({ status: 409, code: 'ALREADY_VERIFIED' });
    expect(verify({ ...log, status: 'rejected' }, organizer, {}, now, MAX_BONUS)).toMatchObject({ status: 409, code: 'NOT_VERIFIABLE' });
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
