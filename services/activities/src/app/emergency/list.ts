import { type Principal, hasRole, scopeIds } from '@lianxin/shared/auth/principal';
import { type EmergencyCall, targetsOf } from '../../domain/emergency/call';
import { callsOfOrgs, callsReaching } from '../../store/emergency';
import { volunteerGrids } from './volunteerGrids';

/** A volunteer's feed (calls reaching their grid, community or street) and an organizer's own calls, newest first. */
export const visibleCalls = async (p: Principal): Promise<EmergencyCall[]> => {
  const volunteer = hasRole(p, 'volunteer') ? callsReaching(targetsOf(await volunteerGrids(p))) : Promise.resolve([]);
  const organizer = hasRole(p, 'organizer') ? callsOfOrgs(scopeIds(p, 'org')) : Promise.resolve([]);
  const byId = new Map([...(await volunteer), ...(await organizer)].map((c) => [c.callId, c]));
  return [...byId.values()].sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
};
