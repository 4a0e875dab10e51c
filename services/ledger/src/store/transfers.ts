import { GetItemCommand, PutTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import { AppError } from '@lianxin/shared/errors';
import { failedConditionAt, isTransientConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { hashOf } from '@lianxin/shared/ids';
import { type Account, available, openAccount } from '../domain/accounts';
import { type FailureReason, type Hold, type TransferCommand, decide } from '../domain/transfers';
import { getAccount } from './accounts';
import { AccountEntity, EntryEntity, HoldEntity, PENDING_HOLDS, TransferEntity, outbox } from './table';

export type TransferOutcome =
  | { status: 'COMMITTED'; transferId: string; replayed: boolean }
  | { status: 'FAILED'; transferId: string; reason: FailureReason; replayed: boolean };

/** Events a transfer causes besides TransferCommitted (HoldPlaced, HoldRejected, …). */
export type FollowUps = (outcome: { ok: true } | { ok: false; reason: FailureReason }) => Envelope[];

const ACTOR = 'ledger';
const MAX_ATTEMPTS = 8;

const requestHashOf = (cmd: TransferCommand) =>
  hashOf({ k: cmd.kind, d: cmd.debitAccount, c: cmd.creditAccount, a: cmd.amount, h: cmd.holdId ?? null, e: cmd.expiresAt ?? null });

const getTransfer = async (transferId: string) =>
  (await TransferEntity.build(GetItemCommand).key({ transferId }).options({ consistent: true }).send()).Item;

export const getHold = async (holdId: string): Promise<Hold | undefined> => {
  const { Item } = await HoldEntity.build(GetItemCommand).key({ holdId }).options({ consistent: true }).send();
  if (!Item) return undefined;
  const { gsi1pk: _pk, gsi1sk: _sk, ...hold } = Item;
  return hold;
};

/** A replay answers the stored outcome; the same id with another payload is refused. */
const replay = (stored: NonNullable<Awaited<ReturnType<typeof getTransfer>>>, cmd: TransferCommand): TransferOutcome => {
  if (stored.requestHash !== requestHashOf(cmd)) {
    throw new AppError(422, 'TRANSFER_ID_REUSED', `Transfer ${cmd.transferId} exists with another payload`, { transferId: 'reused' });
  }
  return stored.status === 'COMMITTED'
    ? { status: 'COMMITTED', transferId: stored.transferId, replayed: true }
    : { status: 'FAILED', transferId: stored.transferId, reason: stored.failureReason as FailureReason, replayed: true };
};

const transferPut = (cmd: TransferCommand, status: 'COMMITTED' | 'FAILED', at: string, reason?: FailureReason) =>
  TransferEntity.build(PutTransaction)
    .item({
      transferId: cmd.transferId,
      kind: cmd.kind,
      debitAccount: cmd.debitAccount,
      creditAccount: cmd.creditAccount,
      amount: cmd.amount,
      memo: cmd.memo,
      requestHash: requestHashOf(cmd),
      status,
      at,
      ...(cmd.holdId ? { holdId: cmd.holdId } : {}),
      ...(reason ? { failureReason: reason } : {}),
    })
    .options({ condition: { attr: 'transferId', exists: false } });

/** The user account write, guarded by the version it was read at. */
const accountPut = (next: Account) =>
  AccountEntity.build(PutTransaction)
    .item(next)
    .options({ condition: next.version === 1 ? { attr: 'accountId', exists: false } : { attr: 'version', eq: next.version - 1 } });

const holdWrite = (cmd: TransferCommand, hold: Hold | undefined, redemptionId: string) => {
  if (cmd.kind === 'HOLD') {
    return HoldEntity.build(PutTransaction)
      .item({
        holdId: cmd.holdId!, redemptionId, userAccount: cmd.debitAccount, merchantAccount: cmd.creditAccount,
        amount: cmd.amount, expiresAt: cmd.expiresAt!, state: 'PENDING', gsi1pk: PENDING_HOLDS, gsi1sk: cmd.expiresAt!,
      })
      .options({ condition: { attr: 'holdId', exists: false } });
  }
  // Leaving PENDING also drops the hold from the sweeper's index.
  return HoldEntity.build(PutTransaction)
    .item({ ...hold!, state: cmd.kind === 'POST' ? 'POSTED' : 'VOIDED' })
    .options({ condition: { attr: 'state', eq: 'PENDING' } });
};

/**
 * Commit one transfer in one TransactWriteItems: the transfer (at most once per id), the
 * user account under its version, the next gapless entry, the hold state, and the outbox
 * events. Hot accounts are not touched here: the projector applies their side. Version
 * races and transaction conflicts retry from a fresh read; a business failure is final
 * and recorded, so a replay gets the same answer.
 */
export const commitTransfer = async (
  cmd: TransferCommand,
  userSide: 'debit' | 'credit',
  followUps: FollowUps,
  now = new Date(),
): Promise<TransferOutcome> => {
  for (let attempt = 1; ; attempt++) {
    const stored = await getTransfer(cmd.transferId);
    if (stored) return replay(stored, cmd);
    const userAccountId = userSide === 'debit' ? cmd.debitAccount : cmd.creditAccount;
    const account = (await getAccount(userAccountId)) ?? openAccount(userAccountId);
    const hold = cmd.holdId && cmd.kind !== 'HOLD' ? await getHold(cmd.holdId) : undefined;
    const decision = decide(cmd, userSide, account, hold, now);
    const at = now.toISOString();
    const redemptionId = hold?.redemptionId ?? cmd.holdId?.replace(/^redeem:/, '') ?? '';
    const writes = decision.ok
      ? [
          transferPut(cmd, 'COMMITTED', at),
          accountPut(decision.account),
          EntryEntity.build(PutTransaction)
            .item({
              accountId: userAccountId, seq: decision.account.entrySeq, transferId: cmd.transferId, kind: cmd.kind,
              amount: decision.delta.creditsPosted - decision.delta.debitsPosted, heldDelta: decision.delta.debitsPending,
              balanceAfter: available(decision.account), memo: cmd.memo, at,
            })
            .options({ condition: { attr: 'seq', exists: false } }),
          ...(cmd.holdId ? [holdWrite(cmd, hold, redemptionId)] : []),
          outboxPut(outbox, events.TransferCommittedV1.make({
            transferId: cmd.transferId, kind: cmd.kind, debitAccount: cmd.debitAccount, creditAccount: cmd.creditAccount,
            amount: cmd.amount, pending: cmd.kind === 'HOLD', ...(cmd.holdId ? { holdId: cmd.holdId } : {}),
          }, ACTOR, now)),
          ...followUps({ ok: true }).map((e) => outboxPut(outbox, e)),
        ]
      : [transferPut(cmd, 'FAILED', at, decision.reason), ...followUps({ ok: false, reason: decision.reason }).map((e) => outboxPut(outbox, e))];
    try {
      await executeTransactWrite(...(writes as never[]));
      return decision.ok
        ? { status: 'COMMITTED', transferId: cmd.transferId, replayed: false }
        : { status: 'FAILED', transferId: cmd.transferId, reason: decision.reason, replayed: false };
    } catch (error) {
      const raced = failedConditionAt(error, 0) || failedConditionAt(error, 1) || failedConditionAt(error, 3) || isTransientConflict(error);
      if (!raced || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
    }
  }
};
