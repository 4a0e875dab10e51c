import { available, isWallet } from '../accounts';
import { totalOf } from '../lots';
import { type CheckResult, result } from './check';
import type { LedgerSnapshot } from './snapshot';

/**
 * Expiry by lots: a wallet's lots add up to its available balance, every lot is a
 * positive integer, and a pending hold's lots add up to what it holds. Otherwise points
 * would expire that were never there, or never expire.
 */
export const checkLots = (s: LedgerSnapshot): CheckResult => {
  const problems = [
    ...s.accounts
      .filter((a) => isWallet(a.accountId) && a.lots !== undefined && totalOf(a.lots) !== available(a))
      .map((a) => `${a.accountId}: lots ${totalOf(a.lots ?? [])} ≠ available ${available(a)}`),
    ...s.accounts
      .filter((a) => (a.lots ?? []).some((l) => !Number.isSafeInteger(l.points) || l.points <= 0))
      .map((a) => `${a.accountId}: a lot is not a positive integer`),
    ...s.holds
      .filter((h) => h.state === 'PENDING' && h.lots !== undefined && totalOf(h.lots) !== h.amount)
      .map((h) => `${h.holdId}: lots ${totalOf(h.lots ?? [])} ≠ held ${h.amount}`),
  ];
  const wallets = s.accounts.filter((a) => isWallet(a.accountId) && a.lots !== undefined).length;
  return result('lots-match-balances', problems, `${wallets} wallet(s) whose lots add up to their available points`);
};
