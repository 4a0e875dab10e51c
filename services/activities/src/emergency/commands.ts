import type { Principal } from '@lianxin/shared/auth/principal';
import { hasRole, scopeIds } from '@lianxin/shared/auth/principal';
import { AppError, conflict, notFound } from '@lianxin/shared/errors';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import type { GridEntry, OrganizationEntry } from '../domain/directory';
import { findGrid, findOrganization } from '../store/directory';
import { type Answer, type EmergencyCall, type IssueCallInput, answerDelta, issuingOrganization, planCall, reaches, targetsOf, volunteerGridIds } from './call';
import { callsOfOrgs, callsReaching, findAnswer, findCall, saveAnswer, saveCall } from './store';

const known = <T>(items: (T | undefined)[]): T[] => items.filter((i): i is T => i !== undefined);

export const issueCall = async (input: IssueCallInput, organizer: Principal, now: Date): Promise<EmergencyCall> => {
  const orgs = known<OrganizationEntry>(await Promise.all(scopeIds(organizer, 'org').map(findOrganization)));
  const orgId = issuingOrganization(organizer, orgs, input.gridIds, input.orgId);
  const grids = await Promise.all(input.gridIds.map(findGrid));
  const call = planCall({ callId: newId('ecl', now.getTime()), orgId, input, grids, issuedBy: organizer.userId }, now);
  const event = events.EmergencyCallIssuedV1.make(
    { callId: call.callId, orgId, title: call.title, gridIds: call.gridIds, targetHeadcount: call.targetHeadcount, escalateAt: call.escalateAt! },
    organizer.userId,
    now,
  );
  await saveCall(call, event);
  return call;
};

const gridsOf = async (p: Principal): Promise<GridEntry[]> => known(await Promise.all(volunteerGridIds(p).map(findGrid)));

/** A volunteer's feed (calls reaching their grid, community or street) and an organizer's own calls. */
export const visibleCalls = async (p: Principal): Promise<EmergencyCall[]> => {
  const volunteer = hasRole(p, 'volunteer') ? callsReaching(targetsOf(await gridsOf(p))) : Promise.resolve([]);
  const organizer = hasRole(p, 'organizer') ? callsOfOrgs(scopeIds(p, 'org')) : Promise.resolve([]);
  const byId = new Map([...(await volunteer), ...(await organizer)].map((c) => [c.callId, c]));
  return [...byId.values()].sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
};

export const getCall = async (callId: string): Promise<EmergencyCall> => {
  const call = await findCall(callId);
  if (!call) throw notFound('call', callId);
  return call;
};

/** A few rounds cover a volunteer changing their mind in two tabs at once. */
const ANSWER_ROUNDS = 3;

/** Accept or decline (again): one answer per volunteer, the counters moved with it. */
export const answerCall = async (callId: string, volunteer: Principal, answer: Answer, now: Date): Promise<EmergencyCall> => {
  const call = await getCall(callId);
  if (!reaches(call, await gridsOf(volunteer))) {
    throw new AppError(403, 'NOT_REACHED', 'This call does not reach your grid', { callId: 'not reaching your grid' });
  }
  for (let round = 0; round < ANSWER_ROUNDS; round++) {
    const previous = await findAnswer(callId, volunteer.userId);
    const delta = answerDelta(previous, answer);
    if (!delta || (await saveAnswer(callId, volunteer.userId, previous, answer, delta, now)) === 'saved') return getCall(callId);
  }
  throw conflict('ANSWER_CHANGED', 'Your answer changed meanwhile; try again');
};
