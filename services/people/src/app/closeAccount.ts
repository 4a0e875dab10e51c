import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { newId } from '@lianxin/shared/ids';
import { closeEntry, revokeEntry } from '../domain/adminLog';
import { closePerson, loginDeleted } from '../domain/closure';
import type { Grant } from '../domain/grants';
import type { Person } from '../domain/person';
import { personClosed, roleRevoked } from '../events/publish';
import { adminLogPut } from '../store/adminLog';
import { commit } from '../store/commit';
import { activeGrants, revokeWrites } from '../store/grants';
import { putPerson } from '../store/people';
import type { IdentityProvider } from './identity';
import { withLatestPerson } from './person';

const CLOSING_REASON = 'account closed';

/**
 * Step 1, in one transaction: the personal data is erased, every active grant is revoked
 * (RoleRevoked each, by the person), the closure is logged and PersonClosed published. From
 * then on the token trigger refuses the person, whatever happens to the login.
 */
const eraseAndRevoke = (personId: string, now: Date): Promise<Person> =>
  withLatestPerson(personId, now, async (p) => {
    if (p.status === 'closed') return p;
    const closed = must(closePerson(p, newId('anon'), now));
    const revoked = (await activeGrants(personId)).map(
      (g): Grant & { revokedAt: string; revokedBy: string; revokeReason: string } => ({
        ...g, personId, revokedAt: now.toISOString(), revokedBy: personId, revokeReason: CLOSING_REASON,
      }),
    );
    await commit(
      [
        putPerson(closed, p.version),
        ...revoked.flatMap((g) => [...revokeWrites(g), adminLogPut(revokeEntry(g, CLOSING_REASON))]),
        adminLogPut(closeEntry(p, closed, revoked.length)),
      ],
      [...revoked.map((g) => roleRevoked(g, personId, CLOSING_REASON, now)), personClosed(closed, now)],
    );
    return closed;
  });

/**
 * Close one's account. Step 2 deletes the login, named by the phone kept until then; step 3
 * erases that phone. A closure interrupted after step 1 is finished by calling again.
 */
export const closeAccount = async (input: { principal: Principal; identity: IdentityProvider }, now: Date) => {
  const { principal, identity } = input;
  let person = await eraseAndRevoke(principal.userId, now);
  if (!person.loginDeletedAt) {
    const phone = person.phone ?? principal.phone;
    if (!phone) throw new Error(`Person ${person.personId} has no phone: their login cannot be named`);
    await identity.deleteLogin(phone);
    person = await withLatestPerson(principal.userId, now, async (p) => {
      const done = loginDeleted(p, now);
      await commit([putPerson(done, p.version)]);
      return done;
    });
  }
  return { personId: person.personId, status: 'closed' as const, pseudonym: person.pseudonym ?? '' };
};
