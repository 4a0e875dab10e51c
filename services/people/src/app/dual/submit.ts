import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { submitDualRegistration } from '../../domain/dualRegistration';
import type { MeView } from '../../domain/view';
import { commit } from '../../store/commit';
import { putPerson } from '../../store/people';
import { meAfter } from '../getMe';
import { withLatestPerson } from '../person';

/** 双报到: register one's work unit and party branch with the community one lives in; pending until decided. */
export const submitDual = async (input: { principal: Principal; workUnit: string; partyBranch: string }, now: Date): Promise<MeView> => {
  const { principal, ...registration } = input;
  const next = await withLatestPerson(principal.userId, now, async (p) => {
    const submitted = must(submitDualRegistration(p, registration, now));
    await commit([putPerson(submitted, p.version)]);
    return submitted;
  });
  return meAfter(principal, next);
};
