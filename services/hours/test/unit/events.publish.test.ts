import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import type { HourLog } from '../../src/domain/hourLog';
import { wishHourLog } from '../../src/domain/wishHours';
import { hoursRejected, hoursVerified } from '../../src/events/publish';
import { sampleCheckedOutLog } from '../support/samples';

const now = new Date('2025-03-05T04:00:00.000Z');
const verifiedShiftLog: HourLog = {
  ...sampleCheckedOutLog,
  status: 'verified',
  category: '医疗',
  bonusPoints: 5,
  verifiedBy: 'u-org',
  decidedAt: now.toISOString(),
};

describe('HoursVerified.v2', () => {
  it('says what was done (minutes, kind, the rate as context) and carries no points', () => {
    const event = hoursVerified(verifiedShiftLog, now);
    expect(event).toMatchObject({ type: 'HoursVerified', version: 2, source: 'lianxin.hours', actor: 'u-org', occurredAt: now.toISOString() });
    expect(event.data).toEqual({
      hourLogId: 'hl_1',
      volunteerId: 'u-vol',
      activityId: 'act_1',
      shiftId: 'sh_1',
      orgId: 'org-1',
      communityId: 'c-hubin',
      minutes: 110,
      kind: 'shift',
      pointsPerHour: 25,
      verifiedBy: 'u-org',
      category: '医疗',
      bonusPoints: 5,
    });
    expect(events.HoursVerifiedV2.data.safeParse(event.data).success).toBe(true);
  });

  it('omits the rate for a micro-wish, whose rate the ledger sets', () => {
    const log = {
      ...wishHourLog({ wishId: 'wish_1', volunteerId: 'u-vol', gridId: 'g-1', communityId: 'c-hubin', minutes: 90, confirmedAt: now.toISOString(), orgIds: ['org-1'] }),
      status: 'verified' as const,
      verifiedBy: 'u-org',
    };
    const { data } = hoursVerified(log, now);
    expect(data).toMatchObject({ kind: 'wish', minutes: 90, verifiedBy: 'u-org', communityId: 'c-hubin' });
    expect(data).not.toHaveProperty('pointsPerHour');
    expect(data).not.toHaveProperty('points');
    expect(log).not.toHaveProperty('points');
  });

  it('leaves out an absent bonus and category', () => {
    const { category: _c, bonusPoints: _b, ...plain } = verifiedShiftLog;
    const { data } = hoursVerified(plain, now);
    expect(data).not.toHaveProperty('bonusPoints');
    expect(data).not.toHaveProperty('category');
  });
});

describe('HoursRejected.v1', () => {
  it('names the reason and who rejected', () => {
    const rejected: HourLog = { ...verifiedShiftLog, status: 'rejected', reason: '未到场', rejectedBy: 'u-org', verifiedBy: undefined };
    const event = hoursRejected(rejected, now);
    expect(event).toMatchObject({ type: 'HoursRejected', version: 1, actor: 'u-org' });
    expect(event.data).toEqual({ hourLogId: 'hl_1', volunteerId: 'u-vol', shiftId: 'sh_1', reason: '未到场', rejectedBy: 'u-org' });
  });
});
