import { events } from '@lianxin/shared/events/catalog';
import type { Grant } from '../domain/grants';
import type { Person } from '../domain/person';

/** The first profile: where the person lives, nothing personal. */
export const personRegistered = (p: Person, now: Date) => {
  const { gridId = '', communityId = '', streetId = '' } = p.profile ?? {};
  return events.PersonRegisteredV1.make({ personId: p.personId, gridId, communityId, streetId }, p.personId, now);
};

export const roleGranted = (g: Grant, now: Date) => {
  const { grantId, personId, role, scope, grantedBy, reason } = g;
  return events.RoleGrantedV1.make({ grantId, personId, role, scope, grantedBy, reason }, grantedBy, now);
};

export const roleRevoked = (g: Grant, revokedBy: string, reason: string, now: Date) => {
  const { grantId, personId, role, scope } = g;
  return events.RoleRevokedV1.make({ grantId, personId, role, scope, revokedBy, reason }, revokedBy, now);
};

export const personClosed = (p: Person, now: Date) =>
  events.PersonClosedV1.make({ personId: p.personId, pseudonym: p.pseudonym ?? '' }, p.personId, now);

export const dualRegistrationConfirmed = (p: Person, now: Date) => {
  const { communityId, decidedBy = '' } = p.dualRegistration!;
  return events.DualRegistrationConfirmedV1.make({ personId: p.personId, communityId, confirmedBy: decidedBy }, decidedBy, now);
};
