import { type Claim, upcoming } from '../domain/claim';
import { claimsOf } from '../store/claims';

/** A volunteer's confirmed shifts not yet over, soonest first (from their latest claims). */
export const mySchedule = async (volunteerId: string, now: Date): Promise<Claim[]> => upcoming(await claimsOf(volunteerId), now);
