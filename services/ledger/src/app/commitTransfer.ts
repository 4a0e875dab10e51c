import { currentCorrelationId } from '@lianxin/shared/context';
import { cancellationCodes, isTransientConflict } from '@lianxin/shared/db/transact';
import { AppError } from '@lianxin/shared/errors';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { retry } from '@lianxin/shared/retry';
import { type Account, isWallet, openAccount } from '../domain/accounts';
import type { AdminLogEntry } from '../domain/adminLog';
import { lotExpiry } from '../domain/lots';
import { failureOf, syncSides } from '../domain/sides';
import { type Decision, type FailureReason, type Hold, type TransferCommand, decide, requestHashOf } from '../domain/transfers';
import { transferCommitted } from '../events/publish';
import { getAccount } from '../store/accounts';
import { adminLogPut } from '../store/adminLog';
import { type CounterChange, counterPut } from '../store/counters';
import { lotIndexWrites } from '../store/lotIndex';
import { policyForCohorts } from '../store/policy';
import { type StoredTransfer, getHold, getTransfer } from '../store/transfers';
import { accountPut, commitWrites, entryPut, eventPut, holdWrite, transferPut } from '../store/transferWrites';

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
  /** The admin log entry of a committed transfer, from its first side's account before and after. */
  adminLog?: (before: Account, after: Account, done: TransferCommand) => AdminLogEntry;
}

const ATTEMPTS = 8;

/** Points coming into a wallet join the cohort the policy's validity gives them. */
const incomingCohort = async (cmd: TransferCommand, now: Date): Promise<string | undefined> =>
  (cmd.kind === 'EARN' || cmd.kind === 'AWARD') && isWallet(cmd.creditAccount) ? lotExpiry((await policyForCohorts()).lotValidity, now) : undefined;

/** The wallet's community, carried on the event for the transparency aggregates. */
const walletCommunity = (decisions: Decision[]) => {
  const wallet = decisions.find((d) => d.ok && isWallet(d.account.accountId));
  return wallet?.ok ? wallet.account.communityId : undefined;
};

/** A replay answers the stored outcome; the same id with another payload is refused. */
const replay = (stored: StoredTransfer, cmd: TransferCommand): TransferOutcome => {
  if (stored.requestHash !== requestHashOf(cmd)) {
    throw new AppError(422, 'TRANSFER_ID_REUSED', `Transfer ${cmd.transferId} exists with another payload`, { transferId: 'reused' });
  }
  return stored.status === 'COMMITTED'
    ? { status: 'COMMITTED', transferId: stored.transferId, replayed: true }
    : { status: 'FAILED', transferId: stored.transferId, reason: stored.failureReason as FailureReason, replayed: true };
};

/** Every condition in a transfer's transaction guards against a race, never a business rule. */
const lostRace = (error: unknown) => Boolean(cancellationCodes(error)?.includes('ConditionalCheckFailed')) || isTransientConflict(error);

/** One attempt: fresh reads, the domain's decision, one transaction. */
const attempt = async (cmd: TransferCommand, userSide: 'debit' | 'credit', followUps: FollowUps, now: Date, options: CommitOptions): Promise<TransferOutcome> => {
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
  const correlationId = currentCorrelationId();
  const record = { at, policyVersion: plan.policyVersion, by: options.by, correlationId };
  const redemptionId = hold?.redemptionId ?? cmd.holdId?.replace(/^redeem:/, '') ?? '';
  const writes = !failure
    ? [
        transferPut(cmd, done, { ...record, status: 'COMMITTED' }),
        ...decisions.flatMap((d, i) => (d.ok ? [accountPut(d.account), entryPut(done, d.account, d.delta, at, correlationId), ...lotIndexWrites(done, accounts[i]!, d.account)] : [])),
        ...(cmd.holdId ? [holdWrite(cmd, hold, redemptionId, decisions[0]?.ok ? decisions[0].holdLots : undefined)] : []),
        ...(plan.counters ?? []).map(counterPut),
        ...(options.adminLog && decisions[0]?.ok ? [adminLogPut(options.adminLog(accounts[0]!, decisions[0].account, done))] : []),
        eventPut(transferCommitted(done, hold, now, walletCommunity(decisions))),
        ...followUps({ ok: true }).map(eventPut),
      ]
    : [
        transferPut(cmd, done, { ...record, status: 'FAILED', reason: failure }),
        ...followUps({ ok: false, reason: failure }).map(eventPut),
      ];
  await commitWrites(writes);
  return !failure
    ? { status: 'COMMITTED', transferId: cmd.transferId, replayed: false }
    : { status: 'FAILED', transferId: cmd.transferId, reason: failure, replayed: false };
};

/**
 * Commit one transfer in one TransactWriteItems: the transfer (at most once per id), the
 * user account under its version, the next gapless entry, the hold state, guarded
 * counters, the admin log entry of an adjustment, and the outbox events; each records
 * the correlation id of the work that caused it. Hot accounts are not touched here: the projector applies their side. Version
 * races and transaction conflicts retry from a fresh read; a business failure is final
 * and recorded, so a replay gets the same answer.
 */
export const commitTransfer = (
  cmd: TransferCommand,
  userSide: 'debit' | 'credit',
  followUps: FollowUps,
  now = new Date(),
  options: CommitOptions = {},
): Promise<TransferOutcome> => retry(() => attempt(cmd, userSide, followUps, now, options), { retryable: lostRace, tries: ATTEMPTS, baseDelayMs: 10 });
