import { executeTransactWrite } from 'dynamodb-toolbox';
import { cancellationCodes, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { outbox, type Write } from './table';

/** A change and the events it publishes, in one transaction (retried on transient conflicts). */
export const commit = (writes: Write[], events: Envelope[] = []) =>
  retryOnConflict(() => executeTransactWrite(...writes, ...events.map((e) => outboxPut(outbox, e))));

/** Whether a cancelled transaction failed the condition of the write at `index`. */
export const failedAt = (error: unknown, index: number): boolean => cancellationCodes(error)?.[index] === 'ConditionalCheckFailed';

/** Whether any write's condition failed: someone changed what was read. */
export const lostRace = (error: unknown): boolean => cancellationCodes(error)?.includes('ConditionalCheckFailed') ?? false;
