import { describe, expect, it } from 'vitest';
import { AppError } from '@lianxin/shared/errors';
import { issueCode, liveCode } from '../../src/domain/codes';

const now = new Date('2025-03-05T01:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('check-in codes', () => {
  const code = issueCode('sh_1', '042917', now);

  it('are valid for five minutes from issue', () => {
    expect(code).toEqual({ code: '042917', shiftId: 'sh_1', issuedAt: now.toISOString(), expiresAt: '2025-03-05T01:05:00.000Z' });
    expect(liveCode(code, '042917', later(5 * 60_000 - 1))).toBe(code);
  });

  it('expire at the fifth minute', () => {
    const answer = liveCode(code, '042917', later(5 * 60_000));
    expect(answer).toBeInstanceOf(AppError);
    expect(answer).toMatchObject({ status: 410, code: 'CODE_EXPIRED' });
  });

  it('stop working once the shift has a newer code', () => {
    expect(liveCode(code, '555111', now)).toMatchObject({ status: 410, code: 'CODE_SUPERSEDED' });
  });

  it('are unknown when nothing holds the digits', () => {
    expect(liveCode(undefined, undefined, now)).toMatchObject({ status: 404, code: 'CODE_NOT_FOUND', fields: { code: expect.any(String) } });
  });
});
