import { serviceTable } from '@lianxin/shared/db/table';
import { inboxEntity } from '@lianxin/shared/events/inbox';
import { outboxEntity } from '@lianxin/shared/events/outbox';

/**
 * The activities service's own table; nobody else reads or writes it. Beside gsi1/gsi2 it has
 * `byPoster` (tables.yml): wishes by the person who posted them, sparse since only wishes
 * carry `postedBy`, so a closed account's wishes are found without a scan.
 */
export const table = serviceTable('ACTIVITIES_TABLE', {
  byPoster: { type: 'global', partitionKey: { name: 'postedBy', type: 'string' }, sortKey: { name: 'postedAt', type: 'string' } },
});

export const outbox = outboxEntity(table);
/** The consumer's record of events already applied (see commitOnce). */
export const inbox = inboxEntity(table);
