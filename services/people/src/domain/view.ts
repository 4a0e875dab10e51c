import { principalOf } from './claims';
import type { ActiveGrant, Grant } from './grants';
import { type Consent, type Person, PRIVACY_NOTICE_VERSION, type Profile } from './person';

/** The profile as its owner sees it: of the id card, only the last 4 characters. */
export const profileView = ({ idCard, ...rest }: Profile) => ({ ...rest, ...(idCard ? { idCard: { last4: idCard.last4 } } : {}) });

const activeView = ({ grantId, role, scope, grantedBy, grantedAt, reason }: ActiveGrant) => ({ grantId, role, scope, grantedBy, grantedAt, reason });

/**
 * `GET /people/me`: the person's own record, their active grants and what their next token
 * will carry. Someone never seen is `new`, with the claims a newcomer's token has.
 */
export const meView = (personId: string, person: Person | undefined, grants: ActiveGrant[], nameAttribute?: string) => {
  const { roles, scopes, tags, gridId } = principalOf(person, grants, nameAttribute);
  const accepted = person?.consent?.version === PRIVACY_NOTICE_VERSION ? { acceptedAt: person.consent.acceptedAt } : {};
  return {
    personId,
    ...(person?.phone ? { phone: person.phone } : {}),
    status: person?.status ?? 'new',
    privacyNotice: { version: PRIVACY_NOTICE_VERSION, ...accepted },
    ...(person?.profile ? { profile: profileView(person.profile) } : {}),
    ...(person?.dualRegistration ? { dualRegistration: person.dualRegistration } : {}),
    grants: grants.map(activeView),
    claims: { roles, scopes, tags, ...(gridId ? { gridId } : {}) },
  };
};

export type MeView = ReturnType<typeof meView>;

export const grantView = (g: Grant) => ({
  ...activeView(g),
  personId: g.personId,
  ...(g.revokedAt ? { revokedAt: g.revokedAt, revokedBy: g.revokedBy, revokeReason: g.revokeReason } : {}),
});

/** A mobile number as a granter may see it: country code, first 3 and last 4 digits (+86138****5678). */
export const maskPhone = (phone: string): string => {
  const national = phone.startsWith('+86') ? phone.slice(3) : phone.replace(/^\+/, '');
  const prefix = phone.startsWith('+86') ? '+86' : '+';
  if (national.length <= 7) return `${prefix}${'*'.repeat(national.length)}`;
  return `${prefix}${national.slice(0, 3)}${'*'.repeat(national.length - 7)}${national.slice(-4)}`;
};

/** A 双报到 in the community's list: who registered and with what. */
export const dualListItem = (p: Person) => {
  const d = p.dualRegistration!;
  return {
    personId: p.personId,
    displayName: p.profile?.displayName ?? '',
    ...(p.profile?.realName ? { realName: p.profile.realName } : {}),
    workUnit: d.workUnit,
    partyBranch: d.partyBranch,
    communityId: d.communityId,
    status: d.status,
    submittedAt: d.submittedAt,
    ...(d.decidedAt ? { decidedAt: d.decidedAt, decidedBy: d.decidedBy } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
  };
};

export const consentView = ({ version, acceptedAt }: Consent) => ({ version, acceptedAt });
