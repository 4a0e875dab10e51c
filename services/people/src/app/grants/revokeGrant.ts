import type { Principal } from '@lianxin/shared/auth/principal';
import { must, notFound } from '@lianxin/shared/errors';
import { revokeEntry } from '../../domain/adminLog';
import { grantRevoked } from '../../domain/errors';
import { type Grant, mayGrant } from '../../domain/grants';
import { roleRevoked } from '../../events/publish';
import { adminLogPut } from '../../store/adminLog';
import { commit, failedAt } from '../../store/commit';
import { loadGrant, revokeWrites } from '../../store/grants';
import { scopeFacts } from './scopeFacts';

/** Revoke a grant: whoever may grant it may take it back, once; with its log entry and RoleRevoked. */
export const revokeGrant = async (input: { revoker: Principal; grantId: string; reason: string }, now: Date): Promise<Grant> => {
  const { revoker, grantId, reason } = input;
  const grant = await loadGrant(grantId);
  if (!grant) throw notFound('grant', grantId);
  must(mayGrant(revoker, grant, await scopeFacts(grant.scope), true));
  if (grant.revokedAt) throw grantRevoked();
  const revoked = { ...grant, revokedAt: now.toISOString(), revokedBy: revoker.userId, revokeReason: reason };
  try {
    await commit([...revokeWrites(revoked), adminLogPut(revokeEntry(revoked, reason))], [roleRevoked(grant, revoker.userId, reason, now)]);
  } catch (error) {
    if (failedAt(error, 0)) throw grantRevoked();
    throw error;
  }
  return revoked;
};
