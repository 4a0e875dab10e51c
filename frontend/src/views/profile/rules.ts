import type { ProfileInput } from '../../api/people';
import type { MessageKey } from '../../i18n';

/** What the profile form checks before sending (the people service checks it all again). */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** A resident identity card number: 17 digits and the GB 11643 check character (0–9 or X). */
export const idCardOk = (raw: string): boolean => {
  const n = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(n)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(n[i]), 0);
  return CHECK_CHARS[sum % 11] === n[17];
};

/** A real name: 2–20 letters (汉字 or Latin), spaces and the middle dot of transliterated names. */
export const realNameOk = (name: string): boolean => /^[\p{L}·\s]{2,20}$/u.test(name.trim());

/** Skills as typed: separated by commas (either width), 、 or semicolons. */
export const parseSkills = (typed: string): string[] => [...new Set(typed.split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean))];

/** The first problem of a profile about to be saved, or null. */
export const profileProblem = (p: ProfileInput): MessageKey | null => {
  const name = p.displayName.trim();
  if (!name || name.length > 20) return 'profile.displayNameInvalid';
  if (p.realName && !realNameOk(p.realName)) return 'profile.realNameInvalid';
  if (p.idCardNumber && !idCardOk(p.idCardNumber)) return 'profile.idCardInvalid';
  if (!p.gridId) return 'profile.gridRequired';
  if (p.skills.length > 10 || p.skills.some((s) => s.length > 20)) return 'profile.skillsInvalid';
  return null;
};
