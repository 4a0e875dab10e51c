import { ConditionCheck, DeleteTransaction, QueryCommand, UpdateTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { EXPIRED } from '../domain/accounts';
import { cohortOf, noticeHorizon } from '../domain/lots';
import type { TransferCommand } from '../domain/transfers';
import { getAccount } from './accounts';
import { lotIndexKey } from './lotIndex';
import { LOTS_BY_EXPIRY, AccountEntity, LotIndexEntity, outbox, table } from './table';
import { commitTransfer } from './transfers';

const ACTOR = 'ledger';
const PARALLEL = 8;

interface LotRef { accountId: string; expiresAt: string; notifiedAt?: string }

/** Index entries of lots expiring by `until` (oldest first), from gsi1: never a Scan. */
const lotsDueBy = async (until: string): Promise<LotRef[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(LotIndexEntity)
    .query({ index: 'gsi1', partition: LOTS_BY_EXPIRY, range: { lt: `${until}$` } })
    .options({ maxPages: Infinity })
    .send();
  return Items;
};

const volunteerOf = (accountId: string) => accountId.replace(/^user:/, '');

/**
 * A cohort no longer in the wallet (spent, or held): drop its entry, unless the wallet
 * changed since it was read — a void may just have brought the points back.
 */
const dropEntry = async (ref: LotRef, version: number | undefined) => {
  try {
    await executeTransactWrite(
      AccountEntity.build(ConditionCheck)
        .key({ accountId: ref.accountId })
        .condition(version === undefined ? { attr: 'accountId', exists: false } : { attr: 'version', eq: version }),
      LotIndexEntity.build(DeleteTransaction).key({ accountId: ref.accountId, expiresAt: ref.expiresAt }),
    );
    return 'dropped' as const;
  } catch (error) {
    if (cancellationCodes(error)) return 'busy' as const;
    throw error;
  }
};

/**
 * Expire what is left of one lot: an EXPIRE transfer to sys:expired. Its id names the
 * wallet, the cohort and the entry it will be, so a sweeper retried or running twice
 * lands on the same transfer; the plan re-reads the lot on every attempt.
 */
export const expireLot = async (ref: LotRef, now: Date) => {
  const account = await getAccount(ref.accountId);
  const lot = account && cohortOf(account.lots ?? [], ref.expiresAt).lot;
  if (!account || !lot) return dropEntry(ref, account?.version);
  const cmd: TransferCommand = {
    transferId: `expire:${volunteerOf(ref.accountId)}:${ref.expiresAt}:${account.entrySeq + 1}`,
    kind: 'EXPIRE', debitAccount: ref.accountId, creditAccount: EXPIRED, amount: lot.points,
    memo: `lot ${ref.expiresAt}`, lotExpiresAt: ref.expiresAt,
  };
  const outcome = await commitTransfer(cmd, 'debit', () => [], now, {
    recordFailures: false,
    plan: async ([wallet]) => {
      const left = cohortOf(wallet?.lots ?? [], ref.expiresAt).lot;
      return left ? { amount: left.points } : { failure: 'LOT_NOT_FOUND' };
    },
  });
  return outcome.status === 'COMMITTED' ? ('expired' as const) : ('busy' as const);
};

/** The 30-day notice, once per wallet and lot: the marker and the event commit together. */
export const noticeLot = async (ref: LotRef, now: Date) => {
  const account = await getAccount(ref.accountId);
  const lot = account && cohortOf(account.lots ?? [], ref.expiresAt).lot;
  if (!lot) return 'skipped' as const;
  try {
    await executeTransactWrite(
      LotIndexEntity.build(UpdateTransaction)
        .item({ ...lotIndexKey(ref.accountId, ref.expiresAt), notifiedAt: now.toISOString() })
        .options({ condition: { and: [{ attr: 'accountId', exists: true }, { attr: 'notifiedAt', exists: false }] } }),
      outboxPut(outbox, events.PointsExpiringSoonV1.make(
        { accountId: ref.accountId, volunteerId: volunteerOf(ref.accountId), points: lot.points, expiresAt: ref.expiresAt }, ACTOR, now,
      )),
    );
    return 'notified' as const;
  } catch (error) {
    if (cancellationCodes(error)) return 'skipped' as const;
    throw error;
  }
};

export type SweepReport = Record<'expired' | 'notified' | 'dropped' | 'busy' | 'skipped', number>;

/**
 * One pass of the lot sweeper: lots due expire, lots due within 30 days get their notice.
 * Safe to run any number of times, in parallel too; what is busy waits for the next pass.
 */
export const sweepLots = async (now = new Date()): Promise<SweepReport> => {
  const due = await lotsDueBy(noticeHorizon(now).toISOString());
  const report: SweepReport = { expired: 0, notified: 0, dropped: 0, busy: 0, skipped: 0 };
  for (let i = 0; i < due.length; i += PARALLEL) {
    const outcomes = await Promise.all(due.slice(i, i + PARALLEL).map((ref) => {
      if (Date.parse(ref.expiresAt) <= now.getTime()) return expireLot(ref, now);
      return ref.notifiedAt ? ('skipped' as const) : noticeLot(ref, now);
    }));
    for (const o of outcomes) report[o]++;
  }
  return report;
};
