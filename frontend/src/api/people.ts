import { api, change, create, read } from './client';
import type { components } from './schema';

/** The people service (人员): the person's own record, the directory, 双报到 and grants. */
export type Me = components['schemas']['Me'];
export type Profile = components['schemas']['Profile'];
export type ProfileInput = components['schemas']['ProfileRequest'];
export type Availability = ProfileInput['availability'][number];
export type DualStatus = components['schemas']['DualRegistration']['status'];
export type Places = components['schemas']['Places'];
export type Organization = components['schemas']['OrganizationList']['items'][number];
export type Merchant = components['schemas']['MerchantList']['items'][number];
export type DualRegistrationItem = components['schemas']['DualRegistrationItem'];
export type Grant = components['schemas']['Grant'];
export type GrantedRole = Grant['role'];
export type PersonFound = components['schemas']['PersonLookup'];

export const AVAILABILITY: Availability[] = ['weekday_daytime', 'weekday_evening', 'weekend'];

// ---- Me ----------------------------------------------------------------------------------

export const getMe = (signal?: AbortSignal) => read(() => api.GET('/people/me', { signal }), signal);

export const acceptPrivacyNotice = (version: string) => change(() => api.POST('/people/me/consents', { body: { version } }));

export const saveProfile = (body: ProfileInput) => change(() => api.PUT('/people/me/profile', { body }));

export const submitDualRegistration = (body: components['schemas']['DualRegistrationRequest']) =>
  change(() => api.PUT('/people/me/dual-registration', { body }));

/** Everything the people service holds about me (PIPL right of access). */
export const exportMyData = () => read(() => api.GET('/people/me/export'));

export const closeMyAccount = () => create((once) => api.POST('/people/me/close', { ...once, body: { confirm: 'CLOSE' } }));

// ---- Directory ---------------------------------------------------------------------------

export const places = (signal?: AbortSignal) => read(() => api.GET('/people/places', { signal }), signal);
export const organizations = (signal?: AbortSignal) => read(() => api.GET('/people/organizations', { signal }), signal);
export const merchants = (signal?: AbortSignal) => read(() => api.GET('/people/merchants', { signal }), signal);

// ---- 双报到 confirmation (organizer, admin) -------------------------------------------------

export const dualRegistrations = (status: DualStatus, signal?: AbortSignal) =>
  read(() => api.GET('/people/dual-registrations', { params: { query: { status } }, signal }), signal);

export const confirmDualRegistration = (personId: string) =>
  change(() => api.POST('/people/dual-registrations/{personId}/confirm', { params: { path: { personId } }, body: {} }));

export const rejectDualRegistration = (personId: string, reason: string) =>
  change(() => api.POST('/people/dual-registrations/{personId}/reject', { params: { path: { personId } }, body: { reason } }));

// ---- Grants (admin; a merchant for their shop) -------------------------------------------

/** Whom to grant: by E.164 number. */
export const lookupPerson = (phone: string) => read(() => api.GET('/people/lookup', { params: { query: { phone } } }));

export const grantsOf = (personId: string, signal?: AbortSignal) => read(() => api.GET('/people/grants', { params: { query: { personId } }, signal }), signal);

export const grantRole = (body: components['schemas']['GrantRequest']) => create((once) => api.POST('/people/grants', { ...once, body }));

export const revokeGrant = (grantId: string, reason: string) =>
  change(() => api.POST('/people/grants/{grantId}/revoke', { params: { path: { grantId } }, body: { reason } }));

/** One page of the people service's append-only admin log (grants, revocations, 双报到 decisions, closures), newest first. */
export type PeopleAdminLogEntry = components['schemas']['PeopleAdminLogEntry'];

export const peopleAdminLogPage = (cursor: string | undefined, signal?: AbortSignal) =>
  read(() => api.GET('/people/admin-log', { params: { query: cursor ? { cursor } : {} }, signal }), signal);
