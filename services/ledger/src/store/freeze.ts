import { PutTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import type { Account } from '../domain/accounts';
import type { FreezeAction } from '../domain/freezes';
import { FreezeAuditEntity, outbox } from './table';
import { accountPut } from './transferWrites';

export interface FreezeRecord { action: FreezeAction; reason: string; by: string; at: string }

/**
 * The account's new frozen state under the version it was read at (a concurrent transfer
 * makes this fail its condition), an immutable audit item keyed by the version it
 * produced, and the event, in one transaction.
 */
export const saveFreeze = (next: Account, record: FreezeRecord, event: Envelope) =>
  executeTransactWrite(
    accountPut(next),
    FreezeAuditEntity.build(PutTransaction)
      .item({ accountId: next.accountId, version: next.version, ...record })
      .options({ condition: { attr: 'version', exists: false } }),
    outboxPut(outbox, event),
  );
