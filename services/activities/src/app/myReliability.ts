import type { Principal } from '@lianxin/shared/auth/principal';
import { RELIABILITY_THRESHOLD, type Reliability, reliabilityOf } from '../domain/reliability/reliability';
import { outcomesOf } from '../store/reliability';

/** A volunteer's reliability now, from their recorded attendance outcomes. */
export const reliabilityNow = async (volunteerId: string, now: Date): Promise<Reliability> => reliabilityOf(await outcomesOf(volunteerId, now), now);

/** The caller's reliability, with the threshold below which they wait behind reliable volunteers. */
export const myReliability = async (volunteer: Principal, now: Date): Promise<Reliability & { threshold: number }> => ({
  ...(await reliabilityNow(volunteer.userId, now)),
  threshold: RELIABILITY_THRESHOLD,
});
