import { api, change, read } from './client';
import type { components } from './schema';

/** An emergency call (平急结合) with its live headcount. */
export type EmergencyCall = components['schemas']['EmergencyCall'];
export type CallAnswer = components['schemas']['EmergencyResponse']['answer'];

export const emergencyCalls = (signal?: AbortSignal) => read(() => api.GET('/emergency-calls', { signal }), signal);

/** The answer's reply carries the new headcount. */
export const answerCall = (callId: string, answer: CallAnswer): Promise<EmergencyCall> =>
  change(() => api.POST('/emergency-calls/{callId}/responses', { params: { path: { callId } }, body: { answer } }));
