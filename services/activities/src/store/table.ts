import { serviceTable } from '@lianxin/shared/db/table';
import { inboxEntity } from '@lianxin/shared/events/inbox';
import { outboxEntity } from '@lianxin/shared/events/outbox';

/** The activities service's own table; nobody else reads or writes it. */
export const table = serviceTable('ACTIVITIES_TABLE');

export const outbox = outboxEntity(table);
/** The consumer's record of events already applied (see commitOnce). */
export const inbox = inboxEntity(table);
