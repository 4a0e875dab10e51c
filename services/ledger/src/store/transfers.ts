import { GetItemCommand, executeTransactWrite } from 'dynamodb-toolbox';
import { AppError } from '@lianxin/shared/errors';
import { cancellationCodes, isTransientConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { type Account, isWallet, openAccount } from '../domain/accounts';
import { lotExpiry } from '../domain/lots';
import { failureOf, syncSides } from '../domain/sides';
import { type Decision, type FailureReason, type Hold, type TransferCommand, decide } from '../domain/transfers';
import { getAccount } from './accounts';
import { type CounterChange, counterPut } from './counters';
import { lotIndexWrites } from './lotIndex';
import { policyForCohorts } from './policy';
import { HoldEntity, TransferEntity, outbox } from './table';
import { accountPut, committedEvent, entryPut, holdWrite, requestHashOf, transferPut } from './transferWrites';

export type TransferOutcome =
  | { status: 'COMMITTED'; transferId: string; replayed: boolean }
  | { status: 'FAILED'; transferId: string; reason: FailureReason; replayed: boolean };

/** Events a transfer causes besides TransferCommitted (HoldPlaced, HoldRejected, …). */
export type FollowUps = (outcome: { ok: true } | { ok: false; reason: FailureReason }) => Envelope[];

/**
 * What a transfer needs decided from fresh reads on each attempt, besides the account:
 * the final amount (an EARN clipped by caps), guarded counters written in the same
 * transaction, or a business failure found outside the account (cap reached, reversal
 * beyond its original).
 */
export interface Plan {
  amount?: number;
  memo?: string;
  policyVersion?: number;
  counters?: CounterChange[];
  failure?: FailureReason;
  /** The cohort incoming points join, when the plan already read the policy. */
  lotExpiresAt?: string;
}

export interface CommitOptions {
  /** Given the synchronous accounts as just read (the wallet first). */
  plan?: (accounts: Account[]) => Promise<Plan>;
  /** False for HTTP commands: a refusal writes nothing (the Idempotency-Key keeps the answer). */
  recordFailures?: boolean;
  by?: string;
}

const MAX_ATTEMPTS = 8;

/** Points coming into a wallet join the cohort the policy's validity gives them. */
const incomingCohort = async (cmd: TransferCommand, now: Date): Promise<string | undefined> =>
  (cmd.kind === 'EARN' || cmd.kind === 'AWARD') && isWallet(cmd.creditAccount) ? lotExpiry((await policyForCohorts()).lotValidity, now) : undefined;

/** The wallet's community, carried on the event for the transparency aggregates. */
const walletCommunity = (decisions: Decision[]) => {
  const wallet = decisions.find((d) => d.ok && isWallet(d.account.accountId));
  return wallet?.ok ? wallet.account.communityId : undefined;
};

export const getTransfer = async (transferId: string) =>
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

/** Every condition in a transfer's transaction guards against a race, never a business rule. */
const lostRace = (error: unknown) => Boolean(cancellationCodes(error)?.includes('ConditionalCheckFailed')) || isTransientConflict(error);

/**
 * Commit one transfer in one TransactWriteItems: the transfer (at most once per id), the
 * user account under its version, the next gapless entry, the hold state, guarded
 * counters, and the outbox events. Hot accounts are not touched here: the projector
 * applies their side. Version races and transaction conflicts retry from a fresh read; a
 * business failure is final and recorded, so a replay gets the same answer.
 */
export const commitTransfer = async (
  cmd: TransferCommand,
  userSide: 'debit' | 'credit',
  followUps: FollowUps,
  now = new Date(),
  options: CommitOptions = {},
): Promise<TransferOutcome> => {
  for (let attempt = 1; ; attempt++) {
    const sides = syncSides(cmd, userSide);
    // One round trip of reads, not four: a replay only wastes the reads it did not need.
    const [stored, accounts, hold, cohort] = await Promise.all([
      getTransfer(cmd.transferId),
      Promise.all(sides.map(async ({ accountId }) => (await getAccount(accountId)) ?? openAccount(accountId))),
      cmd.holdId && cmd.kind !== 'HOLD' ? getHold(cmd.holdId) : undefined,
      // A plan that reads the policy (an EARN's) names the cohort itself.
      options.plan || cmd.lotExpiresAt ? undefined : incomingCohort(cmd, now),
    ]);
    if (stored) return replay(stored, cmd);
    const plan = (await options.plan?.(accounts)) ?? {};
    const lotExpiresAt = plan.lotExpiresAt ?? cmd.lotExpiresAt ?? cohort ?? (await incomingCohort(cmd, now));
    const done: TransferCommand = { ...cmd, amount: plan.amount ?? cmd.amount, memo: plan.memo ?? cmd.memo, ...(lotExpiresAt ? { lotExpiresAt } : {}) };
    const decisions = sides.map(({ side }, i) => decide(done, side, accounts[i]!, hold, now));
    const failure = plan.failure ?? failureOf(decisions, sides);
    if (failure && options.recordFailures === false) return { status: 'FAILED', transferId: cmd.transferId, reason: failure, replayed: false };
    const at = now.toISOString();
    const redemptionId = hold?.redemptionId ?? cmd.holdId?.replace(/^redeem:/, '') ?? '';
    const record = { at, plan, ...(options.by ? { by: options.by } : {}) };
    const writes = !failure
      ? [
          transferPut(cmd, done, { ...record, status: 'COMMITTED' }),
          ...decisions.flatMap((d, i) => (d.ok ? [accountPut(d.account), entryPut(done, sides[i]!.accountId, d.account, d.delta, at), ...lotIndexWrites(done, accounts[i]!, d.account)] : [])),
          ...(cmd.holdId ? [holdWrite(cmd, hold, redemptionId, decisions[0]?.ok ? decisions[0].holdLots : undefined)] : []),
          ...(plan.counters ?? []).map(counterPut),
          outboxPut(outbox, committedEvent(done, hold, now, walletCommunity(decisions))),
          ...followUps({ ok: true }).map((e) => outboxPut(outbox, e)),
        ]
      : [
          transferPut(cmd, done, { ...record, status: 'FAILED', reason: failure }),
          ...followUps({ ok: false, reason: failure }).map((e) => outboxPut(outbox, e)),
        ];
    try {
      await executeTransactWrite(...(writes as never[]));
      return !failure
        ? { status: 'COMMITTED', transferId: cmd.transferId, replayed: false }
        : { status: 'FAILED', transferId: cmd.transferId, reason: failure, replayed: false };
    } catch (error) {
      if (!lostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
    }
  }
};
