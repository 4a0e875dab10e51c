import { PutTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { type Account, type Totals, available } from '../domain/accounts';
import type { Lot } from '../domain/lots';
import { type FailureReason, type Hold, type TransferCommand, requestHashOf } from '../domain/transfers';
import { AccountEntity, EntryEntity, HoldEntity, PENDING_HOLDS, TransferEntity, outbox } from './table';

/** One TransactWriteItems: every write or none. */
export const commitWrites = async (writes: readonly unknown[]) => {
  await executeTransactWrite(...(writes as never[]));
};

const optional = <T extends object>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: NonNullable<T[K]> };

export interface TransferRecord {
  status: 'COMMITTED' | 'FAILED';
  at: string;
  reason?: FailureReason | undefined;
  /** EARN: the earning policy version the amount was computed under. */
  policyVersion?: number | undefined;
  by?: string | undefined;
  correlationId?: string | undefined;
}

/** `cmd` is the request (its hash guards replays); `done` what was committed (amount, memo). */
export const transferPut = (cmd: TransferCommand, done: TransferCommand, record: TransferRecord) =>
  TransferEntity.build(PutTransaction)
    .item({
      transferId: cmd.transferId,
      kind: cmd.kind,
      debitAccount: cmd.debitAccount,
      creditAccount: cmd.creditAccount,
      amount: done.amount,
      memo: done.memo,
      requestHash: requestHashOf(cmd),
      status: record.status,
      at: record.at,
      ...optional({
        holdId: cmd.holdId, failureReason: record.reason, reason: cmd.reason, originalTransferId: cmd.originalTransferId,
        policyVersion: record.policyVersion, by: record.by, correlationId: record.correlationId,
      }),
    })
    .options({ condition: { attr: 'transferId', exists: false } });

/** The user account write, guarded by the version it was read at. */
export const accountPut = (next: Account) =>
  AccountEntity.build(PutTransaction)
    .item(next)
    .options({ condition: next.version === 1 ? { attr: 'accountId', exists: false } : { attr: 'version', eq: next.version - 1 } });

export const holdWrite = (cmd: TransferCommand, hold: Hold | undefined, redemptionId: string, lots?: Lot[]) => {
  if (cmd.kind === 'HOLD') {
    return HoldEntity.build(PutTransaction)
      .item({
        holdId: cmd.holdId!, redemptionId, userAccount: cmd.debitAccount, merchantAccount: cmd.creditAccount,
        amount: cmd.amount, expiresAt: cmd.expiresAt!, state: 'PENDING', gsi1pk: PENDING_HOLDS, gsi1sk: cmd.expiresAt!,
        ...(lots ? { lots } : {}),
      })
      .options({ condition: { attr: 'holdId', exists: false } });
  }
  // Leaving PENDING also drops the hold from the sweeper's index.
  return HoldEntity.build(PutTransaction)
    .item({ ...hold!, state: cmd.kind === 'POST' ? 'POSTED' : 'VOIDED' })
    .options({ condition: { attr: 'state', eq: 'PENDING' } });
};

/** The account's next statement line (its `entrySeq`): a gap or a double is refused by the condition. */
export const entryPut = (cmd: TransferCommand, account: Account, delta: Totals, at: string, correlationId?: string) =>
  EntryEntity.build(PutTransaction)
    .item({
      accountId: account.accountId, seq: account.entrySeq, transferId: cmd.transferId, kind: cmd.kind,
      amount: delta.creditsPosted - delta.debitsPosted, heldDelta: delta.debitsPending,
      balanceAfter: available(account), memo: cmd.memo, at,
      ...optional({ correlationId }),
    })
    .options({ condition: { attr: 'seq', exists: false } });

/** An event in the outbox, committed with the change it reports. */
export const eventPut = (event: Envelope) => outboxPut(outbox, event);
