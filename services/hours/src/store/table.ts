import { serviceTable } from '@lianxin/shared/db/table';
import { inboxEntity } from '@lianxin/shared/events/inbox';
import { outboxEntity } from '@lianxin/shared/events/outbox';

/** The hours service's own table; every entity of the service lives in it. */
export const table = serviceTable('HOURS_TABLE');

export const outbox = outboxEntity(table);
export const inbox = inboxEntity(table);
