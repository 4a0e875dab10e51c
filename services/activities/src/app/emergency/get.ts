import { authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { type EmergencyCall, reaches } from '../../domain/emergency/call';
import { findCall } from '../../store/emergency';
import { volunteerGrids } from './volunteerGrids';

/** One call with its live counts. */
export const getCall = async (callId: string): Promise<EmergencyCall> => {
  const call = await findCall(callId);
  if (!call) throw notFound('call', callId);
  return call;
};

/** One call, for the volunteers it reaches and the organizers of its organization (403 otherwise). */
export const readCall = async (callId: string, p: Principal): Promise<EmergencyCall> => {
  const call = await getCall(callId);
  if (!reaches(call, await volunteerGrids(p))) authorize(p, 'emergency.read', { org: call.orgId });
  return call;
};
