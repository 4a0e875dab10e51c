import { serviceTable } from '@lianxin/shared/db/table';
import { inboxEntity } from '@lianxin/shared/events/inbox';
import { outboxEntity } from '@lianxin/shared/events/outbox';

/** The redemption service's own table: catalog, redemptions, codes, idempotency records, outbox and inbox. */
export const table = serviceTable('REDEMPTION_TABLE');
export const outbox = outboxEntity(table);
export const inbox = inboxEntity(table);
