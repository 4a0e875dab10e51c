import type { Result } from '@lianxin/shared/errors';
import { personClosed } from './errors';
import { type Person, changed } from './person';

/**
 * Close an account (PIPL erasure): the profile (id card included) and the 双报到 details go;
 * what remains is the id, the status, the consents' versions and times, a pseudonym for
 * others to show, and the phone, until the login it names is deleted (`loginDeleted`).
 */
export const closePerson = (p: Person, pseudonym: string, now: Date): Result<Person> => {
  if (p.status === 'closed') return personClosed();
  const { profile: _profile, dualRegistration: _dual, ...kept } = p;
  return changed(kept, { status: 'closed', pseudonym, closedAt: now.toISOString(), baseRoles: [], seededTags: [] }, now);
};

/** The last step: the login is gone, so the phone that named it goes too. */
export const loginDeleted = (p: Person, now: Date): Person => {
  const { phone: _phone, ...kept } = p;
  return changed(kept, { loginDeletedAt: now.toISOString() }, now);
};
