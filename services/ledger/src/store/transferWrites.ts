import { PutTransaction } from 'dynamodb-toolbox';
import { events } from '@lianxin/shared/events/catalog';
import { hashOf } from '@lianxin/shared/ids';
import { type Account, type Totals, available } from '../domain/accounts';
import type { Lot } from '../domain/lots';
import type { FailureReason, Hold, TransferCommand } from '../domain/transfers';
import { AccountEntity, EntryEntity, HoldEntity, PENDING_HOLDS, TransferEntity } from './table';
import type { Plan } from './transfers';

const ACTOR = 'ledger';

/** What a replay must repeat exactly: the request, not what the plan made of it. */
export const requestHashOf = (cmd: TransferCommand) =>
  hashOf({ k: cmd.kind, d: cmd.debitAccount, c: cmd.creditAccount, a: cmd.amount, h: cmd.holdId ?? null, e: cmd.expiresAt ?? null });

const optional = <T extends object>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: NonNullable<T[K]> };

/** `cmd` is the request (its hash guards replays); `done` what was committed (amount, memo). */
export const transferPut = (cmd: TransferCommand, done: TransferCommand, extra: { status: 'COMMITTED' | 'FAILED'; at: string; reason?: FailureReason; plan: Plan; by?: string }) =>
  TransferEntity.build(PutTransaction)
    .item({
      transferId: cmd.transferId,
      kind: cmd.kind,
      debitAccount: cmd.debitAccount,
      creditAccount: cmd.creditAccount,
      amount: done.amount,
      memo: done.memo,
      requestHash: requestHashOf(cmd),
      status: extra.status,
      at: extra.at,
      ...optional({
        holdId: cmd.holdId, failureReason: extra.reason, reason: cmd.reason, originalTransferId: cmd.originalTransferId,
        policyVersion: extra.plan.policyVersion, by: extra.by,
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

export const entryPut = (cmd: TransferCommand, accountId: string, account: Account, delta: Totals, at: string) =>
  EntryEntity.build(PutTransaction)
    .item({
      accountId, seq: account.entrySeq, transferId: cmd.transferId, kind: cmd.kind,
      amount: delta.creditsPosted - delta.debitsPosted, heldDelta: delta.debitsPending,
      balanceAfter: available(account), memo: cmd.memo, at,
    })
    .options({ condition: { attr: 'seq', exists: false } });

export const committedEvent = (cmd: TransferCommand, hold: Hold | undefined, now: Date, communityId?: string) =>
  events.TransferCommittedV1.make({
    transferId: cmd.transferId, kind: cmd.kind, debitAccount: cmd.debitAccount, creditAccount: cmd.creditAccount,
    amount: cmd.amount, pending: cmd.kind === 'HOLD',
    ...(cmd.holdId ? { holdId: cmd.holdId } : {}),
    ...((cmd.kind === 'POST' || cmd.kind === 'VOID') && hold ? { released: hold.amount } : {}),
    ...(communityId ? { communityId } : {}),
  }, ACTOR, now);
