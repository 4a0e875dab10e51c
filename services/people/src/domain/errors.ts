import { AppError, conflict, invalid } from '@lianxin/shared/errors';

export const consentRequired = () =>
  conflict('CONSENT_REQUIRED', 'Accept the current privacy notice first', { version: 'accept the current privacy notice' });

export const wrongNoticeVersion = (current: string) =>
  invalid({ version: `must be the current privacy notice version ${current}` });

export const profileRequired = () => conflict('PROFILE_REQUIRED', 'Save your profile (with your home grid) first');

export const personClosed = () => conflict('PERSON_CLOSED', 'This account is closed');

export const alreadyConfirmed = () =>
  conflict('DUAL_ALREADY_CONFIRMED', 'Your 双报到 registration is already confirmed');

export const notPending = () => conflict('NOT_PENDING', 'Only a pending registration can be decided');

export const selfGrant = () => new AppError(403, 'SELF_GRANT', 'Nobody grants a role to themself', { personId: 'yourself' });

export const selfDecision = () =>
  new AppError(403, 'SELF_DECISION', 'Nobody confirms or rejects their own registration', { personId: 'yourself' });

export const grantRevoked = () => conflict('GRANT_REVOKED', 'This grant is already revoked', { grantId: 'revoked' });

export const badScope = (message: string) => invalid({ scope: message });

export const noPersonWithPhone = () => new AppError(404, 'PERSON_NOT_FOUND', 'No person with this mobile number', { phone: 'not found' });
