import type { Principal } from '@lianxin/shared/auth/principal';
import { must, notFound } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import { grantEntry } from '../../domain/adminLog';
import { type Grant, type GrantedRole, mayGrant } from '../../domain/grants';
import { roleGranted } from '../../events/publish';
import { adminLogPut } from '../../store/adminLog';
import { commit, failedAt } from '../../store/commit';
import { findActiveGrant, grantWrites } from '../../store/grants';
import { loadPerson, personOpen } from '../../store/people';
import { scopeFacts } from './scopeFacts';

export interface GrantInput { granter: Principal; personId: string; role: GrantedRole; scope: string; reason: string; idempotencyKey: string }

/** The grant, and whether this call made it (an equal active grant is answered as it is). */
export interface Granted { grant: Grant; created: boolean }

const existing = async (personId: string, role: GrantedRole, scope: string): Promise<Granted | undefined> => {
  const found = await findActiveGrant(personId, role, scope);
  return found && { grant: { ...found, personId }, created: false };
};

/**
 * Grant a role in a scope: the scope must fit the role and exist, nobody grants to themself,
 * and the policy says who may (see domain/grants.ts). The grant, its active copy, the admin
 * log entry and RoleGranted commit together. The id comes from the granter and the
 * Idempotency-Key; one role in one scope is active once (the same content again finds it).
 */
export const grantRole = async (input: GrantInput, now: Date): Promise<Granted> => {
  const { granter, personId, role, scope, reason, idempotencyKey } = input;
  must(mayGrant(granter, { personId, role, scope }, await scopeFacts(scope)));
  const person = await loadPerson(personId);
  if (!person || person.status === 'closed') throw notFound('person', personId);
  const active = await existing(personId, role, scope);
  if (active) return active;
  const grant: Grant = {
    grantId: idFromKey('grt', granter.userId, idempotencyKey), personId, role, scope, grantedBy: granter.userId, grantedAt: now.toISOString(), reason,
  };
  try {
    await commit([personOpen(personId), ...grantWrites(grant), adminLogPut(grantEntry(grant))], [roleGranted(grant, now)]);
    return { grant, created: true };
  } catch (error) {
    if (failedAt(error, 0)) throw notFound('person', personId);
    // An equal grant made meanwhile (its active copy is in the way): answer with it.
    const raced = failedAt(error, 1) ? await existing(personId, role, scope) : undefined;
    if (raced) return raced;
    throw error;
  }
};
