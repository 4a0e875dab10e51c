import type { Principal } from '@lianxin/shared/auth/principal';
import { conflict } from '@lianxin/shared/errors';
import { policyEntry } from '../domain/adminLog';
import type { EarningPolicy } from '../domain/policy';
import { earningPolicyChanged } from '../events/publish';
import { policyInForce, putPolicy } from '../store/policy';

export interface PolicyChange { principal: Principal; changes: Omit<EarningPolicy, 'version'> }

/**
 * Replace the policy with the next version, guarded by the version read (two admins editing
 * at once: the second is told to reload), and log the policy it replaced beside it. Past
 * transfers keep the version they recorded.
 */
export const changePolicy = async ({ principal, changes }: PolicyChange, now: Date): Promise<EarningPolicy> => {
  const { policy: before, storedVersion } = await policyInForce();
  const next: EarningPolicy = { ...changes, version: before.version + 1 };
  const entry = policyEntry(principal.userId, now.toISOString(), before, next);
  const saved = await putPolicy(next, storedVersion, entry, earningPolicyChanged(next, principal.userId, now));
  if (!saved) throw conflict('POLICY_CHANGED', 'The policy changed meanwhile; reload it and try again');
  return next;
};
