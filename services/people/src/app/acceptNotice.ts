import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { acceptNotice as accept } from '../domain/profile';
import type { MeView } from '../domain/view';
import { commit } from '../store/commit';
import { putConsent, putPerson } from '../store/people';
import { meAfter } from './getMe';
import { withLatestPerson } from './person';

/** Accept the privacy notice in force: the acceptance joins the history, and a newcomer is stored. */
export const acceptNotice = async (input: { principal: Principal; version: string }, now: Date): Promise<MeView> => {
  const { principal, version } = input;
  const next = await withLatestPerson(principal.userId, now, async (p) => {
    const accepted = must(accept(p, version, principal.phone, now));
    await commit([putPerson(accepted, p.version), putConsent(p.personId, accepted.consent!)]);
    return accepted;
  });
  return meAfter(principal, next);
};
