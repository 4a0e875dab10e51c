import { notFound } from '@lianxin/shared/errors';
import type { EmergencyCall } from '../../domain/emergency/call';
import { findCall } from '../../store/emergency';

/** One call with its live counts. */
export const getCall = async (callId: string): Promise<EmergencyCall> => {
  const call = await findCall(callId);
  if (!call) throw notFound('call', callId);
  return call;
};
