import { must } from '@lianxin/shared/errors';
import { notCheckedIn } from '../domain/errors';
import { type HourLog, type Volunteer, checkOut as closeHourLog, hourLogIdOf } from '../domain/hourLog';
import { findHourLog, moveHourLog } from '../store/hourLogs';
import { getShift } from '../store/shifts';
import { shiftIdOfLiveCode } from './liveCode';

export interface CheckOutInput {
  code: string;
  volunteer: Pick<Volunteer, 'userId'>;
}

/** The volunteer checks out with a live code of the shift they checked in to; the minutes are capped at its length. */
export const checkOut = async ({ code, volunteer }: CheckOutInput, now: Date): Promise<HourLog> => {
  const shiftId = await shiftIdOfLiveCode(code, now);
  const [shift, log] = await Promise.all([getShift(shiftId), findHourLog(hourLogIdOf(shiftId, volunteer.userId))]);
  const next = must(closeHourLog(log, shift, now));
  // A concurrent check-out moved the log first.
  if (!(await moveHourLog(next, 'checked_in'))) throw notCheckedIn();
  return next;
};
