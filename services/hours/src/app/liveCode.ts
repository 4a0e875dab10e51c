import { must } from '@lianxin/shared/errors';
import { liveCode } from '../domain/codes';
import { currentCodeOf, findCode } from '../store/codes';

/** The shift of the code a volunteer typed, if the code still works (404 unknown, 410 expired or superseded). */
export const shiftIdOfLiveCode = async (typed: string, now: Date): Promise<string> => {
  const found = await findCode(typed);
  const current = found && (await currentCodeOf(found.shiftId));
  return must(liveCode(found, current, now)).shiftId;
};
