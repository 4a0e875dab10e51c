import { PUBLISHED_DEFAULT_LIMITS } from '../domain/policyLimits';
import { findPolicyLimits } from '../store/policyLimits';

/** The most an organizer's bonus may be now: the newest policy hours has seen, else the ledger's published default. */
export const maxBonusPoints = async (): Promise<number> => ((await findPolicyLimits()) ?? PUBLISHED_DEFAULT_LIMITS).maxOrganizerBonus;
