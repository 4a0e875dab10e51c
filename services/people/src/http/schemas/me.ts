import { z } from '@hono/zod-openapi';
import { AVAILABILITY, DUAL_STATUSES, PERSON_STATUSES } from '../../domain/person';
import { PeopleAdminLogEntry } from './adminLog';
import { Grant } from './grants';

const Consent = z.object({ version: z.string(), acceptedAt: z.string() });

export const ActiveGrant = Grant.pick({ grantId: true, role: true, scope: true, grantedBy: true, grantedAt: true, reason: true }).openapi('ActiveGrant');

export const ProfileView = z
  .object({
    displayName: z.string(),
    realName: z.string().optional(),
    idCard: z.object({ last4: z.string() }).optional().openapi({ description: 'Only the last 4 characters: the number itself is not kept' }),
    gridId: z.string().optional().openapi({ description: 'The home grid; a seeded organizer or shop may have none' }),
    communityId: z.string().optional(),
    streetId: z.string().optional(),
    skills: z.array(z.string()),
    availability: z.array(z.enum(AVAILABILITY)),
    updatedAt: z.string(),
  })
  .openapi('Profile');

export const DualRegistration = z
  .object({
    workUnit: z.string(),
    partyBranch: z.string(),
    communityId: z.string(),
    status: z.enum(DUAL_STATUSES),
    submittedAt: z.string(),
    decidedAt: z.string().optional(),
    decidedBy: z.string().optional(),
    reason: z.string().optional(),
  })
  .openapi('DualRegistration');

export const Me = z
  .object({
    personId: z.string(),
    phone: z.string().optional(),
    status: z.enum(PERSON_STATUSES),
    privacyNotice: z.object({
      version: z.string().openapi({ description: 'The privacy notice in force' }),
      acceptedAt: z.string().optional().openapi({ description: 'When this person accepted it, if they did' }),
    }),
    profile: ProfileView.optional(),
    dualRegistration: DualRegistration.optional(),
    grants: z.array(ActiveGrant).openapi({ description: 'Active grants only' }),
    claims: z
      .object({ roles: z.array(z.string()), scopes: z.array(z.string()), tags: z.array(z.string()), gridId: z.string().optional() })
      .openapi({ description: 'What the next token will carry' }),
  })
  .openapi('Me');

export const ConsentBody = z.object({ version: z.string().min(1).max(40) }).openapi('ConsentRequest');

/** Letters of any script (汉字 included), with the middle dot of minority names and spaces of Latin ones. */
const REAL_NAME = /^[\p{L}·\s]+$/u;

export const ProfileBody = z
  .object({
    displayName: z.string().trim().min(1).max(20),
    realName: z.string().trim().min(2).max(20).regex(REAL_NAME, 'letters only (汉字 or Latin)').optional(),
    idCardNumber: z.string().trim().length(18).optional().openapi({ description: '18 characters (GB 11643, the last may be X); kept only as a keyed hash and its last 4' }),
    gridId: z.string().min(1).max(64),
    skills: z.array(z.string().trim().min(1).max(20)).max(10),
    availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length),
  })
  .openapi('ProfileRequest');

export const DualRegistrationBody = z
  .object({ workUnit: z.string().trim().min(2).max(40), partyBranch: z.string().trim().min(2).max(40) })
  .openapi('DualRegistrationRequest');

export const CloseBody = z.object({ confirm: z.literal('CLOSE') }).openapi('CloseAccountRequest');

export const ClosedAccount = z
  .object({ personId: z.string(), status: z.literal('closed'), pseudonym: z.string().openapi({ description: 'What others keep of the person' }) })
  .openapi('ClosedAccount');


export const PersonExport = z
  .object({
    personId: z.string(),
    exportedAt: z.string(),
    status: z.enum(PERSON_STATUSES),
    phone: z.string().optional(),
    privacyNoticeVersion: z.string(),
    consents: z.array(Consent).openapi({ description: 'Every acceptance of the privacy notice, oldest first' }),
    profile: ProfileView.optional(),
    dualRegistration: DualRegistration.optional(),
    grants: z.array(Grant).openapi({ description: 'Active and revoked, newest first' }),
    adminLog: z.array(PeopleAdminLogEntry).openapi({ description: 'Admin log entries about the person, newest first' }),
  })
  .openapi('PersonExport');
