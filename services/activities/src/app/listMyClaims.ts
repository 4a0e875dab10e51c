import type { Principal } from '@lianxin/shared/auth/principal';
import type { Claim } from '../domain/claim';
import { claimsOf } from '../store/claims';

/** The caller's most recent claims, newest shift first. */
export const listMyClaims = (volunteer: Principal): Promise<Claim[]> => claimsOf(volunteer.userId);
