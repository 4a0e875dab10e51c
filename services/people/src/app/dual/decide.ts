import { authorize, permits } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { must, notFound } from '@lianxin/shared/errors';
import { dualDecisionEntry } from '../../domain/adminLog';
import { type Decision, decideDualRegistration } from '../../domain/dualRegistration';
import { dualListItem } from '../../domain/view';
import { dualRegistrationConfirmed } from '../../events/publish';
import { adminLogPut } from '../../store/adminLog';
import { commit } from '../../store/commit';
import { putPerson } from '../../store/people';
import { withLatestPerson } from '../person';
import { organizationsServing } from './communities';

/**
 * The community confirms or rejects a 双报到: an organizer of an organization serving that
 * community (or an admin), never the person themself. Confirming gives the person the party
 * tags in their next token. The decision and its admin log entry commit together.
 */
export const decideDual = async (input: { decider: Principal; personId: string; decision: Decision }, now: Date) => {
  const { decider, personId, decision } = input;
  return withLatestPerson(personId, now, async (p) => {
    const registration = p.dualRegistration;
    if (!registration || p.status === 'closed') throw notFound('person', personId);
    const serving = await organizationsServing(registration.communityId);
    const org = serving.find((orgId) => permits(decider, 'dualRegistration.decide', { org: orgId })) ?? serving[0] ?? '';
    authorize(decider, 'dualRegistration.decide', { org });
    const next = must(decideDualRegistration(p, decider.userId, decision, now));
    const confirmed = next.dualRegistration?.status === 'confirmed';
    await commit([putPerson(next, p.version), adminLogPut(dualDecisionEntry(p, next))], confirmed ? [dualRegistrationConfirmed(next, now)] : []);
    return dualListItem(next);
  });
};
