import { type TransparencyReport, monthOf, reportOf } from '../domain/transparency';
import { transparencyRows } from '../store/transparency';

export interface TransparencyQuery { period?: string | undefined; communityId?: string | undefined }

/**
 * Points issued, redeemed, expired and corrected per community over a Beijing month (the
 * current one by default) or a year (公开透明), and the awards per awarding organization:
 * aggregates only, no person or wallet.
 */
export const transparencyReport = async ({ period, communityId }: TransparencyQuery, now: Date): Promise<TransparencyReport> => {
  const chosen = period ?? monthOf(now);
  const { rows, awards } = await transparencyRows(chosen, communityId);
  return reportOf(chosen, rows, awards);
};
