import type { Role, Tag } from '@lianxin/shared/auth/principal';
import type { IdCardDigest } from './idCard';

/**
 * The privacy notice in force. A person accepts it before anything of theirs is stored
 * beyond the acceptance itself; a new version must be accepted again.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12';

export const PERSON_STATUSES = ['new', 'active', 'closed'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const AVAILABILITY = ['weekday_daytime', 'weekday_evening', 'weekend'] as const;
export type Availability = (typeof AVAILABILITY)[number];

export interface Profile {
  displayName: string;
  realName?: string;
  idCard?: IdCardDigest;
  /** The home grid and where it lies; a seeded organizer or shop may have none. */
  gridId?: string;
  communityId?: string;
  streetId?: string;
  skills: string[];
  availability: Availability[];
  updatedAt: string;
}

export const DUAL_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type DualStatus = (typeof DUAL_STATUSES)[number];

/** 双报到: an in-service party member registers their work unit and party branch with the community they live in. */
export interface DualRegistration {
  workUnit: string;
  partyBranch: string;
  communityId: string;
  status: DualStatus;
  submittedAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

export interface Consent { version: string; acceptedAt: string }

export interface Person {
  personId: string;
  status: PersonStatus;
  /** The verified mobile number (E.164), from the token; kept until the login is deleted. */
  phone?: string;
  /** Roles the person holds without a grant: a newcomer is a volunteer; the demo seeds its own. */
  baseRoles: Role[];
  /** Memberships the demo seeds; 双报到's tags come from its confirmation instead. */
  seededTags: Tag[];
  /** The latest notice accepted (the history is kept beside the person). */
  consent?: Consent;
  profile?: Profile;
  dualRegistration?: DualRegistration;
  /** Set at closure: what others keep of the person. */
  pseudonym?: string;
  closedAt?: string;
  /** When the login was deleted, the last step of closing. */
  loginDeletedAt?: string;
  /** Bumped by every change: writes are conditional on the version they decided from. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A person first seen now: a volunteer with nothing else yet (not stored until they act). */
export const newPerson = (personId: string, now: Date): Person => ({
  personId,
  status: 'new',
  baseRoles: ['volunteer'],
  seededTags: [],
  version: 0,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
});

export const hasAcceptedNotice = (p: Person): boolean => p.consent?.version === PRIVACY_NOTICE_VERSION;

/** The same person one change later. */
export const changed = (p: Person, patch: Partial<Person>, now: Date): Person => ({
  ...p,
  ...patch,
  version: p.version + 1,
  updatedAt: now.toISOString(),
});
