import type { Principal } from '@lianxin/shared/auth/principal';
import { PRIVACY_NOTICE_VERSION } from '../domain/person';
import { consentView, grantView, profileView } from '../domain/view';
import { adminLogAbout } from '../store/adminLog';
import { grantsOf } from '../store/grants';
import { listConsents, loadPerson } from '../store/people';

/**
 * PIPL right of access: everything this service keeps about the caller. The id card shows
 * only its last 4 characters (the number itself is not kept); grants include revoked ones.
 */
export const exportMyData = async (principal: Principal, now: Date) => {
  const personId = principal.userId;
  const [person, consents, grants, adminLog] = await Promise.all([
    loadPerson(personId), listConsents(personId), grantsOf(personId), adminLogAbout(personId),
  ]);
  return {
    personId,
    exportedAt: now.toISOString(),
    status: person?.status ?? 'new',
    ...(person?.phone ? { phone: person.phone } : {}),
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    consents: consents.map(consentView),
    ...(person?.profile ? { profile: profileView(person.profile) } : {}),
    ...(person?.dualRegistration ? { dualRegistration: person.dualRegistration } : {}),
    grants: grants.map(grantView),
    adminLog,
  };
};
