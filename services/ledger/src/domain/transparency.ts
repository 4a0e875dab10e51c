import { beijingMonth } from '@lianxin/shared/time/beijing';
import { isWallet } from './accounts';
import type { TransferKind } from './transfers';

/** What the transparency report counts (公开透明): aggregates, never a person or a wallet. */
export type Measure = 'issued' | 'redeemed' | 'expired' | 'corrected';

/** Transfers from wallets with no earn yet (an award first) have no community. */
export const UNASSIGNED = 'unassigned';

/** Which measure a committed transfer adds to, if any (holds and voids change nothing yet). */
export const measureOf = (kind: TransferKind, creditAccount: string): Measure | undefined => {
  if ((kind === 'EARN' || kind === 'AWARD') && isWallet(creditAccount)) return 'issued';
  if (kind === 'POST') return 'redeemed';
  if (kind === 'EXPIRE') return 'expired';
  if (kind === 'DEDUCT' || kind === 'REVERSAL') return 'corrected';
  return undefined;
};

/** The Beijing month (`YYYY-MM`) a transfer counts in. */
export const monthOf = beijingMonth;

/** A period is a month (`2026-11`) or a year (`2026`, its twelve months). */
export const monthsOf = (period: string): string[] =>
  period.length === 7 ? [period] : Array.from({ length: 12 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);

export type Totals = Record<Measure, number>;
export const NONE: Totals = { issued: 0, redeemed: 0, expired: 0, corrected: 0 };

export const addMeasures = (a: Totals, b: Partial<Totals>): Totals => ({
  issued: a.issued + (b.issued ?? 0),
  redeemed: a.redeemed + (b.redeemed ?? 0),
  expired: a.expired + (b.expired ?? 0),
  corrected: a.corrected + (b.corrected ?? 0),
});

/** One stored shard of a community's month (measures it never counted are absent). */
export type TransparencyRow = { communityId: string } & Partial<Totals>;

export interface TransparencyReport {
  period: string;
  communities: ({ communityId: string } & Totals)[];
  total: Totals;
}

/** The shards of a period summed per community (sorted by id) and in total. */
export const reportOf = (period: string, rows: readonly TransparencyRow[]): TransparencyReport => {
  const byCommunity = new Map<string, Totals>();
  for (const row of rows) byCommunity.set(row.communityId, addMeasures(byCommunity.get(row.communityId) ?? NONE, row));
  const communities = [...byCommunity].map(([id, totals]) => ({ communityId: id, ...totals })).sort((a, b) => a.communityId.localeCompare(b.communityId));
  return { period, communities, total: communities.reduce<Totals>(addMeasures, NONE) };
};
