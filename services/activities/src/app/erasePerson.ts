import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { allClaimsOf, pseudonymizeClaim } from '../store/claims';
import { inbox } from '../store/table';

/**
 * PIPL: a person closed their account. Every claim of theirs (their own gsi1 partition, never
 * a scan) carries the pseudonym as `volunteerName`, so the organizer's roster shows it; ids,
 * statuses, places in line and times stay. Schedules, attendance outcomes and emergency
 * answers hold the person's id only. A person may have more claims than one transaction
 * takes, so each name is updated on its own; writing the pseudonym twice changes nothing, so
 * a redelivery, or a retry after a timeout half-way, only finishes the work. The inbox
 * marker then records the event.
 * Not reached: the contact name, phone and address of the wishes the person posted, which
 * no index lists by poster (see the README's erasure rule).
 */
export const erasePerson = async (event: Envelope<EventData<'PersonClosedV1'>>) => {
  const { personId, pseudonym } = event.data;
  const claims = await allClaimsOf(personId);
  await Promise.all(claims.filter((c) => c.volunteerName !== pseudonym).map((c) => pseudonymizeClaim(c, pseudonym)));
  return commitOnce(inbox, event);
};
