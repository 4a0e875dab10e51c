import type { Shift } from '../src/domain/shift';

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
