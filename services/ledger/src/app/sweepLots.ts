import { EXPIRED } from '../domain/accounts';
import { cohortOf, noticeHorizon } from '../domain/lots';
import type { TransferCommand } from '../domain/transfers';
import { pointsExpiringSoon } from '../events/publish';
import { getAccount } from '../store/accounts';
import { type LotRef, dropLotEntry, lotsDueBy, markNoticeSent } from '../store/expiry';
import { commitTransfer } from './commitTransfer';

const PARALLEL = 8;

const volunteerOf = (accountId: string) => accountId.replace(/^user:/, '');

/**
 * Expire what is left of one lot: an EXPIRE transfer to sys:expired. Its id names the
 * wallet, the cohort and the entry it will be, so a sweeper retried or running twice
 * lands on the same transfer; the plan re-reads the lot on every attempt. A cohort no
 * longer in the wallet (spent, or held) only loses its index entry.
 */
const expireLot = async (ref: LotRef, now: Date) => {
  const account = await getAccount(ref.accountId);
  const lot = account && cohortOf(account.lots ?? [], ref.expiresAt).lot;
  if (!account || !lot) return (await dropLotEntry(ref, account?.version)) ? ('dropped' as const) : ('busy' as const);
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
const noticeLot = async (ref: LotRef, now: Date) => {
  const account = await getAccount(ref.accountId);
  const lot = account && cohortOf(account.lots ?? [], ref.expiresAt).lot;
  if (!lot) return 'skipped' as const;
  const notice = pointsExpiringSoon(ref.accountId, volunteerOf(ref.accountId), lot.points, ref.expiresAt, now);
  return (await markNoticeSent(ref, now, notice)) ? ('notified' as const) : ('skipped' as const);
};

export type SweepReport = Record<'expired' | 'notified' | 'dropped' | 'busy' | 'skipped', number>;

/**
 * One pass of the lot sweeper: lots due expire, lots due within 30 days get their notice.
 * Safe to run any number of times, in parallel too; what is busy waits for the next pass.
 */
export const sweepLots = async (now: Date): Promise<SweepReport> => {
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
