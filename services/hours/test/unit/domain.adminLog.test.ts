import { describe, expect, it } from 'vitest';
import { must } from '@lianxin/shared/errors';
import { person } from '@lianxin/shared/testing';
import { decisionEntry } from '../../src/domain/adminLog';
import { reject, verify } from '../../src/domain/verification';
import { sampleCheckedOutLog } from '../support/samples';

const now = new Date('2025-03-05T04:00:00.000Z');
const log = sampleCheckedOutLog;
const organizer = person({ userId: 'u-org', roles: ['organizer'], scopes: ['org:org-1'] });

describe('the admin-log entry of a decision', () => {
  it('keeps the minutes before and the minutes and bonus credited after, with the note', () => {
    const verified = must(verify(log, organizer, { minutes: 120, note: '提前到场布置', bonusPoints: 7 }, now, 20));
    expect(decisionEntry('hours.verify', 'u-org', 'org-1', log, verified)).toEqual({
      entryId: 'decision:hl_1', at: now.toISOString(), actor: 'u-org', action: 'hours.verify',
      hourLogId: 'hl_1', volunteerId: 'u-vol', orgId: 'org-1',
      before: { status: 'checked_out', minutes: 110 },
      after: { status: 'verified', minutes: 120, bonusPoints: 7 },
      note: '提前到场布置',
    });
  });

  it('credits nothing for a rejection, whatever minutes the log records, and keeps the reason', () => {
    const rejected = must(reject(log, organizer, { reason: '未到岗' }, now));
    expect(decisionEntry('hours.reject', 'u-org', 'org-1', log, rejected)).toMatchObject({
      action: 'hours.reject', reason: '未到岗',
      before: { status: 'checked_out', minutes: 110 },
      after: { status: 'rejected', minutes: 0, bonusPoints: 0 },
    });
  });
});
