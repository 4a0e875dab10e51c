import { must } from '@lianxin/shared/errors';
import { type HourLog, type Volunteer, checkIn as openHourLog } from '../domain/hourLog';
import { createOrFindHourLog } from '../store/hourLogs';
import { isOnRoster } from '../store/roster';
import { getShift } from '../store/shifts';
import { shiftIdOfLiveCode } from './liveCode';

export interface CheckInInput {
  code: string;
  volunteer: Volunteer;
}

/** A volunteer on the roster checks in with a live code; checking in again answers the same log. */
export const checkIn = async ({ code, volunteer }: CheckInInput, now: Date): Promise<HourLog> => {
  const shiftId = await shiftIdOfLiveCode(code, now);
  const [shift, onRoster] = await Promise.all([getShift(shiftId), isOnRoster(shiftId, volunteer.userId)]);
  return createOrFindHourLog(must(openHourLog(shift, volunteer, onRoster, now)));
};
