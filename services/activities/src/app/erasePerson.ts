import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { deleteFeed, feedsOf } from '../store/calendarFeeds';
import { allClaimsOf, pseudonymizeClaim } from '../store/claims';
import { inbox } from '../store/table';
import { pseudonymizeWish, wishesPostedBy } from '../store/wishes';

/**
 * PIPL: a person closed their account. Every claim of theirs (their own gsi1 partition, never
 * a scan) carries the pseudonym as `volunteerName`, so the organizer's roster shows it; ids,
 * statuses, places in line and times stay. Every wish they posted (their own `byPoster`
 * partition) carries the pseudonym as its contact, with no phone and no address, in whatever
 * state it is: an open or claimed wish goes on without its poster's details (the domain has
 * no withdrawn state). Their calendar feeds are revoked: a feed's URL needs no sign-in, so it
 * would go on serving the closed account's shifts. Schedules, attendance outcomes and
 * emergency answers hold the person's id only. A person may have more items than one
 * transaction takes, so each is updated on its own; writing the pseudonym twice, or revoking
 * a revoked feed, changes nothing, so a redelivery, or a retry after a timeout half-way, only
 * finishes the work. The inbox marker then records the event.
 */
export const erasePerson = async (event: Envelope<EventData<'PersonClosedV1'>>) => {
  const { personId, pseudonym } = event.data;
  const [claims, wishes, feeds] = await Promise.all([allClaimsOf(personId), wishesPostedBy(personId), feedsOf(personId)]);
  await Promise.all([
    ...claims.filter((c) => c.volunteerName !== pseudonym).map((c) => pseudonymizeClaim(c, pseudonym)),
    // The contact is erased in one update, so a wish named by the pseudonym is erased already.
    ...wishes.filter((w) => w.contactName !== pseudonym).map((w) => pseudonymizeWish(w.wishId, pseudonym)),
  ]);
  // One after another: every revocation moves the person's one feed counter.
  for (const feed of feeds) await deleteFeed(personId, feed.feedId);
  return commitOnce(inbox, event);
};
