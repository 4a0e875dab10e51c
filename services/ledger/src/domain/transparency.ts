import { beijingMonth } from '@lianxin/shared/time/beijing';
import { ISSUANCE, isWallet } from './accounts';
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

const BUDGET = ':budget';

/**
 * Who paid for an award to a wallet, if the transfer is one: `org:<id>` for an award from
 * that organization's budget, `issuance` for one an admin minted.
 */
export const awardedByOf = (kind: TransferKind, debitAccount: string, creditAccount: string): string | undefined => {
  if (kind !== 'AWARD' || !isWallet(creditAccount)) return undefined;
  if (debitAccount === ISSUANCE) return 'issuance';
  return debitAccount.startsWith('org:') && debitAccount.endsWith(BUDGET) ? debitAccount.slice(0, -BUDGET.length) : undefined;
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

/** One stored shard of the awards one awarder made in one community's month. */
export interface AwardRow { awardedBy: string; communityId: string; points?: number | undefined; count?: number | undefined }

export interface AwardFigure { points: number; count: number }

export interface TransparencyReport {
  period: string;
  communities: ({ communityId: string } & Totals)[];
  total: Totals;
  /** Awards per awarder and community, then per awarder: how many and how many points, never to whom. */
  awards: ({ awardedBy: string; communityId: string } & AwardFigure)[];
  awardsByOrganisation: ({ awardedBy: string } & AwardFigure)[];
}

/** Sum rows by a key, sorted by it. */
const sumBy = <K extends string>(rows: readonly AwardRow[], keyOf: (r: AwardRow) => K) => {
  const sums = new Map<K, AwardFigure & { row: AwardRow }>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = sums.get(key) ?? { points: 0, count: 0, row };
    sums.set(key, { points: sum.points + (row.points ?? 0), count: sum.count + (row.count ?? 0), row });
  }
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
};

/** The award shards of a period, per awarder and community, and per awarder. */
const awardsOf = (rows: readonly AwardRow[]) => ({
  awards: sumBy(rows, (r) => `${r.awardedBy}\u0000${r.communityId}`).map(({ row, points, count }) => ({ awardedBy: row.awardedBy, communityId: row.communityId, points, count })),
  awardsByOrganisation: sumBy(rows, (r) => r.awardedBy).map(({ row, points, count }) => ({ awardedBy: row.awardedBy, points, count })),
});

/** The shards of a period summed per community (sorted by id) and in total, with its awards. */
export const reportOf = (period: string, rows: readonly TransparencyRow[], awardRows: readonly AwardRow[]): TransparencyReport => {
  const byCommunity = new Map<string, Totals>();
  for (const row of rows) byCommunity.set(row.communityId, addMeasures(byCommunity.get(row.communityId) ?? NONE, row));
  const communities = [...byCommunity].map(([id, totals]) => ({ communityId: id, ...totals })).sort((a, b) => a.communityId.localeCompare(b.communityId));
  return { period, communities, total: communities.reduce<Totals>(addMeasures, NONE), ...awardsOf(awardRows) };
};
