import { type Result, invalid } from '@lianxin/shared/errors';
import type { Grid } from './directory';
import { consentRequired, personClosed, wrongNoticeVersion } from './errors';
import { type IdCardDigest, isValidIdCard } from './idCard';
import { type Availability, type Person, PRIVACY_NOTICE_VERSION, type Profile, changed, hasAcceptedNotice } from './person';

/** Accept the privacy notice: only the version in force; a newcomer is stored from now on. */
export const acceptNotice = (p: Person, version: string, phone: string | undefined, now: Date): Result<Person> => {
  if (p.status === 'closed') return personClosed();
  if (version !== PRIVACY_NOTICE_VERSION) return wrongNoticeVersion(PRIVACY_NOTICE_VERSION);
  return changed(p, { consent: { version, acceptedAt: now.toISOString() }, ...(phone ? { phone } : {}) }, now);
};

export interface ProfileInput {
  displayName: string;
  realName?: string | undefined;
  idCardNumber?: string | undefined;
  gridId: string;
  skills: string[];
  availability: Availability[];
}

/** The id card number's checksum, before anything else is looked at (a bad number names the field). */
export const checkIdCard = (input: Pick<ProfileInput, 'idCardNumber'>): Result<true> =>
  input.idCardNumber === undefined || isValidIdCard(input.idCardNumber) ? true : invalid({ idCardNumber: 'not a valid id card number (checksum)' });

/**
 * Save the profile. Needs the notice in force accepted (409 CONSENT_REQUIRED) and a known
 * grid (400 naming gridId). An id card number given is kept as its digest only; none given
 * keeps the one on file (the person cannot see it to send it again). The first save makes the
 * person active: `registered` says so, and the use case publishes PersonRegistered.
 */
export const saveProfile = (
  p: Person,
  input: Omit<ProfileInput, 'idCardNumber'> & { idCard?: IdCardDigest | undefined },
  grid: Grid | undefined,
  phone: string | undefined,
  now: Date,
): Result<{ next: Person; registered: boolean }> => {
  if (p.status === 'closed') return personClosed();
  if (!hasAcceptedNotice(p)) return consentRequired();
  if (!grid) return invalid({ gridId: `no grid ${input.gridId}` });
  const idCard = input.idCard ?? p.profile?.idCard;
  const profile: Profile = {
    displayName: input.displayName.trim(),
    ...(input.realName ? { realName: input.realName.trim() } : {}),
    ...(idCard ? { idCard } : {}),
    gridId: grid.gridId,
    communityId: grid.communityId,
    streetId: grid.streetId,
    skills: input.skills,
    availability: [...new Set(input.availability)],
    updatedAt: now.toISOString(),
  };
  const registered = p.status === 'new';
  return { next: changed(p, { status: 'active', profile, ...(phone ? { phone } : {}) }, now), registered };
};
