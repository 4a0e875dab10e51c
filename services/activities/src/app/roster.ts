import { authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { type RosterEntry, rosterOf } from '../domain/roster';
import { claimsOfShift } from '../store/claims';
import { loadActivity } from './loadActivity';

/** Who holds a place in a shift and who waits, for organizers of the activity's organization. */
export const roster = async (organizer: Principal, shiftId: string): Promise<RosterEntry[]> => {
  const claims = await claimsOfShift(shiftId);
  // The activity is known from any claim; a shift nobody claimed has an empty roster, which reveals nothing.
  const activityId = claims[0]?.activityId;
  if (activityId) authorize(organizer, 'roster.read', { org: (await loadActivity(activityId)).orgId });
  return rosterOf(claims);
};
