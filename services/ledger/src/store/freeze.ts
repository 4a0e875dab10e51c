import { PutTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import { conflict } from '@lianxin/shared/errors';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { type Account, openAccount } from '../domain/accounts';
import { getAccount } from './accounts';
import { AccountEntity, FreezeAuditEntity, outbox } from './table';

export type FreezeAction = 'FREEZE' | 'UNFREEZE';

/**
 * 一票否决: set or clear the frozen flag under the account's version (a concurrent transfer
 * makes one of the two retry from a fresh read), with an immutable audit item keyed by the
 * version it produced and an event, all in one transaction.
 */
export const setFrozen = async (accountId: string, action: FreezeAction, reason: string, by: string, now = new Date()): Promise<Account> => {
  for (let attempt = 1; ; attempt++) {
    const account = (await getAccount(accountId)) ?? openAccount(accountId);
    const freezing = action === 'FREEZE';
    if (Boolean(account.frozen) === freezing) {
      throw conflict(freezing ? 'ACCOUNT_ALREADY_FROZEN' : 'ACCOUNT_NOT_FROZEN', `Account ${accountId} is ${freezing ? 'already' : 'not'} frozen`, { accountId: freezing ? 'already frozen' : 'not frozen' });
    }
    const next: Account = { ...account, frozen: freezing, version: account.version + 1 };
    const make = freezing ? events.AccountFrozenV1.make : events.AccountUnfrozenV1.make;
    try {
      await executeTransactWrite(
        AccountEntity.build(PutTransaction)
          .item(next)
          .options({ condition: account.version === 0 ? { attr: 'accountId', exists: false } : { attr: 'version', eq: account.version } }),
        FreezeAuditEntity.build(PutTransaction)
          .item({ accountId, version: next.version, action, reason, by, at: now.toISOString() })
          .options({ condition: { attr: 'version', exists: false } }),
        outboxPut(outbox, make({ accountId, reason, by }, by, now)),
      );
      return next;
    } catch (error) {
      if (!cancellationCodes(error)?.includes('ConditionalCheckFailed') || attempt >= 8) throw error;
    }
  }
};
