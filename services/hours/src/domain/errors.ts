import { AppError, busy, conflict } from '@lianxin/shared/errors';

/** The refusals of the hours domain; the portal translates the codes. */
export const codeNotFound = () =>
  new AppError(404, 'CODE_NOT_FOUND', 'No check-in code matches', { code: 'unknown check-in code' });

export const codeExpired = () =>
  new AppError(410, 'CODE_EXPIRED', 'This check-in code has expired; ask the organizer for a new one', { code: 'expired' });

export const codeSuperseded = () =>
  new AppError(410, 'CODE_SUPERSEDED', 'A newer check-in code replaced this one', { code: 'superseded' });

export const notOnRoster = () => new AppError(403, 'NOT_ON_ROSTER', 'You have no confirmed claim on this shift');

export const outsideShiftWindow = () =>
  conflict('OUTSIDE_SHIFT_WINDOW', 'Check-in opens 30 minutes before the shift starts and closes when it ends');

export const notCheckedIn = () => conflict('NOT_CHECKED_IN', 'You are not checked in to this shift');

export const selfVerification = () => new AppError(403, 'SELF_VERIFICATION', 'Nobody may verify their own hours');

export const alreadyVerified = () => conflict('ALREADY_VERIFIED', 'These hours are already verified');

export const notVerifiable = () => conflict('NOT_VERIFIABLE', 'Only checked-out hours await a decision');

export const codeSpaceExhausted = () => busy('CODE_SPACE_EXHAUSTED', 'No free check-in code was found; try again');
