import { type EmergencyCall, planEscalation } from '../../domain/emergency/call';
import { emergencyCallEscalated } from '../../events/publish';
import { dueCalls, findCall, saveEscalation } from '../../store/emergency';

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
  return (await saveEscalation(call, plan, emergencyCallEscalated(call, plan, now))) === 'saved';
};

/** Every due call, once: a call escalated by a concurrent or earlier run is left alone. */
export const escalateDue = async (now: Date): Promise<{ escalated: number }> => {
  const outcomes = await Promise.all((await dueCalls(now)).map((call) => escalateCall(call, now)));
  return { escalated: outcomes.filter(Boolean).length };
};
