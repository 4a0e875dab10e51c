import type { Result } from '@lianxin/shared/errors';
import { codeExpired, codeNotFound, codeSuperseded } from './errors';

/** A check-in code the organizer shows at the door; one live code per shift at a time. */
export interface CheckinCode {
  code: string;
  shiftId: string;
  issuedAt: string;
  expiresAt: string;
}

export const CODE_DIGITS = 6;
export const CODE_VALID_MINUTES = 5;

export const issueCode = (shiftId: string, code: string, now: Date): CheckinCode => ({
  code,
  shiftId,
  issuedAt: now.toISOString(),
  expiresAt: new Date(now.getTime() + CODE_VALID_MINUTES * 60_000).toISOString(),
});

export const isExpired = (code: Pick<CheckinCode, 'expiresAt'>, now: Date): boolean =>
  now.getTime() >= new Date(code.expiresAt).getTime();

/**
 * The code a volunteer typed, if it still works: it must exist, be unexpired, and still be
 * the shift's current code (issuing a new one supersedes the old at once).
 */
export const liveCode = (found: CheckinCode | undefined, currentOfShift: string | undefined, now: Date): Result<CheckinCode> => {
  if (!found) return codeNotFound();
  if (isExpired(found, now)) return codeExpired();
  if (currentOfShift !== found.code) return codeSuperseded();
  return found;
};
