import type { Principal } from '@lianxin/shared/auth/principal';
import { conflict } from '@lianxin/shared/errors';
import { DEFAULT_POLICY, type EarningPolicy } from '../domain/policy';
import { earningPolicyChanged } from '../events/publish';
import { putPolicy, storedPolicyVersion } from '../store/policy';

export interface PolicyChange { principal: Principal; changes: Omit<EarningPolicy, 'version'> }

/**
 * Replace the policy with the next version, guarded by the version read (two admins editing
 * at once: the second is told to reload). Past transfers keep the version they recorded.
 */
export const changePolicy = async ({ principal, changes }: PolicyChange, now: Date): Promise<EarningPolicy> => {
  const stored = await storedPolicyVersion();
  const next: EarningPolicy = { ...changes, version: (stored ?? DEFAULT_POLICY.version) + 1 };
  const saved = await putPolicy(next, stored, principal.userId, now, earningPolicyChanged(next.version, principal.userId, now));
  if (!saved) throw conflict('POLICY_CHANGED', 'The policy changed meanwhile; reload it and try again');
  return next;
};
