import type { Principal } from '@lianxin/shared/auth/principal';
import { type Claim, upcoming } from '../domain/claim';
import { claimsOf } from '../store/claims';

/** The caller's confirmed shifts not yet over, soonest first (from their latest claims). */
export const mySchedule = async (volunteer: Principal, now: Date): Promise<Claim[]> => upcoming(await claimsOf(volunteer.userId), now);
