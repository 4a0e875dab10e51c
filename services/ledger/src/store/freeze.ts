import { executeTransactWrite } from 'dynamodb-toolbox';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import type { Account } from '../domain/accounts';
import type { AdminLogEntry } from '../domain/adminLog';
import { adminLogPut } from './adminLog';
import { outbox } from './table';
import { accountPut } from './transferWrites';

/**
 * The account's new frozen state under the version it was read at (a concurrent transfer
 * makes this fail its condition), its admin log entry and the event, in one transaction.
 */
export const saveFreeze = (next: Account, entry: AdminLogEntry, event: Envelope) =>
  executeTransactWrite(accountPut(next), adminLogPut(entry), outboxPut(outbox, event));
