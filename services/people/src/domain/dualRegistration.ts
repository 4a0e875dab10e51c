import type { Result } from '@lianxin/shared/errors';
import { alreadyConfirmed, notPending, personClosed, profileRequired, selfDecision } from './errors';
import { type DualRegistration, type Person, changed } from './person';

/**
 * 双报到: register (or register again after a rejection) with the community of one's home
 * grid. Pending until an organizer of that community confirms or rejects it.
 */
export const submitDualRegistration = (p: Person, input: { workUnit: string; partyBranch: string }, now: Date): Result<Person> => {
  if (p.status === 'closed') return personClosed();
  const communityId = p.profile?.communityId;
  if (!communityId) return profileRequired();
  if (p.dualRegistration?.status === 'confirmed') return alreadyConfirmed();
  const dualRegistration: DualRegistration = {
    workUnit: input.workUnit.trim(),
    partyBranch: input.partyBranch.trim(),
    communityId,
    status: 'pending',
    submittedAt: now.toISOString(),
  };
  return changed(p, { dualRegistration }, now);
};

export type Decision = { outcome: 'confirmed' } | { outcome: 'rejected'; reason: string };

/** The community's answer: only to a pending registration, and never by the person themself. */
export const decideDualRegistration = (p: Person, decider: string, decision: Decision, now: Date): Result<Person> => {
  const current = p.dualRegistration;
  if (!current || current.status !== 'pending') return notPending();
  if (decider === p.personId) return selfDecision();
  const dualRegistration: DualRegistration = {
    ...current,
    status: decision.outcome,
    decidedAt: now.toISOString(),
    decidedBy: decider,
    ...(decision.outcome === 'rejected' ? { reason: decision.reason } : {}),
  };
  return changed(p, { dualRegistration }, now);
};
