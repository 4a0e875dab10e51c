import type { ExecuteTransactWriteInput, ExecuteTransactWriteOptions } from 'dynamodb-toolbox';
import { serviceTable } from '@lianxin/shared/db/table';
import { outboxEntity } from '@lianxin/shared/events/outbox';

/** The people service's own table: directory, persons, consents, grants, admin log, idempotency records and outbox. */
export const table = serviceTable('PEOPLE_TABLE');
export const outbox = outboxEntity(table);

/** One item of a write transaction (any entity's Put/Update/Delete/ConditionCheck). */
export type Write = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>;
