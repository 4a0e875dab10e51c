import type { Principal } from '@lianxin/shared/auth/principal';
import { AppError, conflict } from '@lianxin/shared/errors';
import { retry } from '@lianxin/shared/retry';
import { type Answer, type EmergencyCall, answerDelta, reaches } from '../../domain/emergency/call';
import { findAnswer, saveAnswer } from '../../store/emergency';
import { getCall } from './get';
import { volunteerGrids } from './volunteerGrids';

/** A few rounds cover a volunteer changing their mind in two tabs at once. */
const ANSWER_ROUNDS = 3;

const answerChanged = () => conflict('ANSWER_CHANGED', 'Your answer changed meanwhile; try again');

/** Accept or decline (again): one answer per volunteer the call reaches, the counters moved with it. */
export const answerCall = async (callId: string, volunteer: Principal, answer: Answer, now: Date): Promise<EmergencyCall> => {
  const call = await getCall(callId);
  if (!reaches(call, await volunteerGrids(volunteer))) {
    throw new AppError(403, 'NOT_REACHED', 'This call does not reach your grid', { callId: 'not reaching your grid' });
  }
  await retry(
    async () => {
      const previous = await findAnswer(callId, volunteer.userId);
      const delta = answerDelta(previous, answer);
      if (delta && (await saveAnswer(callId, volunteer.userId, previous, answer, delta, now)) === 'stale') throw answerChanged();
    },
    { retryable: (error) => error instanceof AppError && error.code === 'ANSWER_CHANGED', tries: ANSWER_ROUNDS },
  );
  return getCall(callId);
};
