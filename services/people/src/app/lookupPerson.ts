import { noPersonWithPhone } from '../domain/errors';
import { maskPhone } from '../domain/view';
import { findByPhone } from '../store/people';

/** Whom to grant a role: a person by mobile number, shown masked (a closed account is not found). */
export const lookupPerson = async (input: { phone: string }) => {
  const person = await findByPhone(input.phone);
  if (!person?.phone || person.status === 'closed') throw noPersonWithPhone();
  return {
    personId: person.personId,
    ...(person.profile?.displayName ? { displayName: person.profile.displayName } : {}),
    phoneMasked: maskPhone(person.phone),
  };
};
