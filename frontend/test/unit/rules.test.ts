import { describe, expect, it } from 'vitest';
import { userFromIdToken } from '../../src/auth/claims';
import { maskPhone, passwordOk, toE164 } from '../../src/auth/rules';
import { idCardOk, parseSkills, profileProblem, realNameOk } from '../../src/views/profile/rules';

/** An unsigned JWT with these claims: the portal only reads tokens, the services verify them. */
const token = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('mobile numbers', () => {
  it('takes 11 mainland digits as typed, with spaces, dashes or +86, and answers E.164', () => {
    expect(toE164('13800000001')).toBe('+8613800000001');
    expect(toE164('138 0000-0001')).toBe('+8613800000001');
    expect(toE164('+86 138 0000 0001')).toBe('+8613800000001');
  });

  it('refuses what is not a mainland mobile number', () => {
    expect(toE164('1380000000')).toBeNull();
    expect(toE164('12800000001')).toBeNull();
    expect(toE164('+85291234567')).toBeNull();
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('+8613800000001')).toBe('138****0001');
  });
});

describe('passwords', () => {
  it('need 8 characters with a lowercase letter and a digit (the pool policy)', () => {
    expect(passwordOk('abc12345')).toBe(true);
    expect(passwordOk('abc1234')).toBe(false);
    expect(passwordOk('abcdefgh')).toBe(false);
    expect(passwordOk('ABC12345')).toBe(false);
  });
});

describe('profile', () => {
  it('checks the id card number by its GB 11643 check character, X included', () => {
    expect(idCardOk('11010519491231002X')).toBe(true);
    expect(idCardOk('11010519491231002x')).toBe(true);
    expect(idCardOk('110105194912310021')).toBe(false);
    expect(idCardOk('1101051949123100')).toBe(false);
  });

  it('takes real names of letters only', () => {
    expect(realNameOk('陈静')).toBe(true);
    expect(realNameOk('Anna·Li')).toBe(true);
    expect(realNameOk('陈')).toBe(false);
    expect(realNameOk('陈静1')).toBe(false);
  });

  it('splits skills on either width of comma, 、 and semicolons, once each', () => {
    expect(parseSkills('急救, 摄影、英语；急救')).toEqual(['急救', '摄影', '英语']);
  });

  it('names the first problem of a profile, or none', () => {
    const ok = { displayName: '小王', gridId: 'g-hubin-1', skills: [], availability: [] };
    expect(profileProblem(ok)).toBeNull();
    expect(profileProblem({ ...ok, gridId: '' })).toBe('profile.gridRequired');
    expect(profileProblem({ ...ok, idCardNumber: '110105194912310021' })).toBe('profile.idCardInvalid');
    expect(profileProblem({ ...ok, skills: Array.from({ length: 11 }, (_, i) => `s${i}`) })).toBe('profile.skillsInvalid');
  });
});

describe('the ID token', () => {
  it('gives the person from the lianxin: claims only, unknown roles dropped', () => {
    const user = userFromIdToken(
      token({
        sub: 'u-lihong', name: '李红', phone_number: '+8613800000002', 'lianxin:roles': 'organizer,volunteer,superuser',
        'lianxin:scopes': 'org:org-cpb-hubin,grid:g-hubin-1', 'lianxin:tags': 'party_member', 'lianxin:grid': 'g-hubin-1', 'cognito:groups': ['admin'],
      }),
    );
    expect(user).toEqual({
      userId: 'u-lihong', name: '李红', phone: '+8613800000002', roles: ['organizer', 'volunteer'],
      tags: ['party_member'], scopes: ['org:org-cpb-hubin', 'grid:g-hubin-1'], gridId: 'g-hubin-1',
    });
  });

  it('gives a person without claims no role', () => {
    expect(userFromIdToken(token({ sub: 'u-new' }))).toEqual({ userId: 'u-new', name: '', roles: [], tags: [], scopes: [] });
  });
});
