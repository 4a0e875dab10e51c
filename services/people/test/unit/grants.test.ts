import { person } from '@lianxin/shared/testing';
import { AppError } from '@lianxin/shared/errors';
import { describe, expect, it } from 'vitest';
import { type ScopeFacts, mayGrant } from '../../src/domain/grants';

const org = { organization: { orgId: 'o-1', name: '湖滨社区党委', nameEn: 'Hubin', kind: 'community_party', gridIds: ['g-1'] } };
const shop = { merchant: { merchantId: 'm-1', name: '联盛超市', nameEn: 'Liansheng', allianceId: 'al-1' } };
const alliance = { allianceExists: true };

const adminOf = (...scopes: string[]) => person({ roles: ['admin'], scopes });
const merchantOf = (...scopes: string[]) => person({ roles: ['merchant'], scopes });

const answer = (granter: ReturnType<typeof person>, role: 'organizer' | 'merchant' | 'admin', scope: string, facts: ScopeFacts, personId = 'u-target') => {
  const result = mayGrant(granter, { personId, role, scope }, facts);
  return result instanceof AppError ? { status: result.status, code: result.code, fields: result.fields } : result;
};

describe('who may grant which role', () => {
  it('lets an admin holding an org scope make organizers of that org only', () => {
    expect(answer(adminOf('org:o-1'), 'organizer', 'org:o-1', org)).toBe(true);
    expect(answer(adminOf('org:o-2'), 'organizer', 'org:o-1', org)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it("lets an admin of the shop's alliance admit a merchant, and a merchant of the shop add an operator", () => {
    expect(answer(adminOf('alliance:al-1'), 'merchant', 'merchant:m-1', shop)).toBe(true);
    expect(answer(merchantOf('merchant:m-1'), 'merchant', 'merchant:m-1', shop)).toBe(true);
    expect(answer(adminOf('alliance:al-2'), 'merchant', 'merchant:m-1', shop)).toMatchObject({ status: 403 });
    expect(answer(merchantOf('merchant:m-2', 'alliance:al-1'), 'merchant', 'merchant:m-1', shop)).toMatchObject({ status: 403 });
  });

  it('lets only an admin holding an alliance make admins of it (a merchant never)', () => {
    expect(answer(adminOf('alliance:al-1'), 'admin', 'alliance:al-1', alliance)).toBe(true);
    expect(answer(merchantOf('alliance:al-1'), 'admin', 'alliance:al-1', alliance)).toMatchObject({ status: 403 });
    expect(answer(merchantOf('merchant:m-1'), 'organizer', 'org:o-1', org)).toMatchObject({ status: 403 });
  });

  it('refuses a scope of the wrong kind or unknown to the directory with 400 naming scope', () => {
    expect(answer(adminOf('alliance:al-1'), 'organizer', 'alliance:al-1', alliance)).toMatchObject({ status: 400, fields: { scope: expect.any(String) } });
    expect(answer(adminOf('org:o-9'), 'organizer', 'org:o-9', {})).toMatchObject({ status: 400, fields: { scope: 'no org o-9' } });
  });

  it('refuses anyone granting to themself, however entitled (SELF_GRANT)', () => {
    const admin = adminOf('org:o-1');
    expect(answer(admin, 'organizer', 'org:o-1', org, admin.userId)).toMatchObject({ status: 403, code: 'SELF_GRANT' });
  });
});
