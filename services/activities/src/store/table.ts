import { serviceTable } from '@lianxin/shared/db/table';
import { outboxEntity } from '@lianxin/shared/events/outbox';

/** The activities service's own table; nobody else reads or writes it. */
export const table = serviceTable('ACTIVITIES_TABLE');

export const outbox = outboxEntity(table);
