import type { HourLog } from '../../src/domain/hourLog';
import type { Shift } from '../../src/domain/shift';

/** A two-hour shift for pure domain tests (no storage). */
export const sampleShift: Shift = {
  shiftId: 'sh_1',
  activityId: 'act_1',
  orgId: 'org-1',
  communityId: 'c-hubin',
  title: '义诊',
  startsAt: '2025-03-05T01:00:00.000Z',
  endsAt: '2025-03-05T03:00:00.000Z',
  pointsPerHour: 25,
};

/** A checked-out log of 110 minutes on the sample shift, awaiting a decision. */
export const sampleCheckedOutLog: HourLog = {
  hourLogId: 'hl_1',
  shiftId: 'sh_1',
  activityId: 'act_1',
  activityTitle: '义诊',
  orgId: 'org-1',
  communityId: 'c-hubin',
  volunteerId: 'u-vol',
  volunteerName: '张小明',
  status: 'checked_out',
  checkInAt: '2025-03-05T01:00:00.000Z',
  checkOutAt: '2025-03-05T02:50:00.000Z',
  minutes: 110,
  pointsPerHour: 25,
};
