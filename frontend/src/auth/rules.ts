/** What the forms check before anything is sent (Cognito and the pool's policy check again). */

/** A mainland mobile number: 11 digits starting 1[3-9]. Spaces, dashes and a typed +86 are forgiven. */
export const toE164 = (typed: string): string | null => {
  const digits = typed.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : null;
};

/** 138****0001: enough to recognise one's own number, not enough to read someone else's. */
export const maskPhone = (e164: string): string => {
  const digits = e164.replace(/^\+86/, '');
  return digits.length === 11 ? `${digits.slice(0, 3)}****${digits.slice(7)}` : digits;
};

/**
 * At least 8 characters with a letter and a digit; the letter must include a lowercase one
 * because the pool's policy (infra/resources/cognito.yml) requires lowercase and numbers.
 */
export const passwordOk = (password: string): boolean => password.length >= 8 && /[a-z]/.test(password) && /\d/.test(password);

/** The SMS codes Cognito sends are 6 digits. */
export const SMS_CODE_DIGITS = 6;
