import { api, create, read } from './client';
import type { components } from './schema';

export type HourLog = components['schemas']['HourLog'];
export type HourStatus = HourLog['status'];
export type CheckinCode = components['schemas']['CheckinCode'];
export type Verification = components['schemas']['VerifyBody'];
export type HoursAdminLogEntry = components['schemas']['HoursAdminLogEntry'];

/** A fresh code replaces the shift's previous one (organizer). */
export const issueCheckinCode = (shiftId: string): Promise<CheckinCode> =>
  create((once) => api.POST('/shifts/{shiftId}/checkin-codes', { ...once, params: { path: { shiftId } } }));

export const checkIn = (code: string): Promise<HourLog> => create((once) => api.POST('/hours/check-in', { ...once, body: { code } }));

export const checkOut = (code: string): Promise<HourLog> => create((once) => api.POST('/hours/check-out', { ...once, body: { code } }));

export const myHours = (signal?: AbortSignal) => read(() => api.GET('/me/hours', { signal }), signal);

export const pendingHours = (signal?: AbortSignal) => read(() => api.GET('/hours/pending', { signal }), signal);

export const verifyHours = (hourLogId: string, body: Verification): Promise<HourLog> =>
  create((once) => api.POST('/hours/{hourLogId}/verify', { ...once, params: { path: { hourLogId } }, body }));

export const rejectHours = (hourLogId: string, reason: string): Promise<HourLog> =>
  create((once) => api.POST('/hours/{hourLogId}/reject', { ...once, params: { path: { hourLogId } }, body: { reason } }));

/** A page of the hours admin log, newest first (admins). */
export const hoursAdminLogPage = (cursor: string | undefined, signal?: AbortSignal) =>
  read(() => api.GET('/hours/admin-log', { params: { query: cursor ? { cursor } : {} }, signal }), signal);
