import { events } from '@lianxin/shared/events/catalog';
import { createLogger } from '@lianxin/shared/logger';
import { type EmergencyCall, planEscalation } from './call';
import { dueCalls, findCall, saveEscalation } from './store';

const log = createLogger('activities');

/**
 * Widen one due call, or take it off the timer; true when it widened. The index copy may
 * lag, so the call is read again: its headcount decides whether widening is still needed.
 */
const escalateCall = async (due: EmergencyCall, now: Date): Promise<boolean> => {
  const call = await findCall(due.callId);
  if (!call) return false;
  const plan = planEscalation(call, now);
  if (plan.kind === 'wait') return false;
  if (plan.kind === 'settle') {
    await saveEscalation(call, plan);
    return false;
  }
  const event = events.EmergencyCallEscalatedV1.make(
    {
      callId: call.callId,
      level: plan.level,
      communityIds: call.communityIds,
      streetIds: plan.level === 'street' ? call.streetIds : [],
      accepted: call.accepted,
      targetHeadcount: call.targetHeadcount,
    },
    'system:escalation',
    now,
  );
  return (await saveEscalation(call, plan, event)) === 'saved';
};

/** Every due call, once: a call escalated by a concurrent or earlier run is left alone. */
export const escalateDue = async (now: Date): Promise<{ escalated: number }> => {
  const outcomes = await Promise.all((await dueCalls(now)).map((call) => escalateCall(call, now)));
  return { escalated: outcomes.filter(Boolean).length };
};

/** The scheduled Lambda (every minute). */
export const escalate = async (): Promise<{ escalated: number }> => {
  const result = await escalateDue(new Date());
  if (result.escalated) log.info('emergency calls escalated', result);
  return result;
};
