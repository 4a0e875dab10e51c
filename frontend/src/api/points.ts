import { api, read } from './client';
import type { components } from './schema';

export type Balance = components['schemas']['Balance'];
export type StatementLine = components['schemas']['StatementLine'];
export type TransparencyReport = components['schemas']['TransparencyReport'];
export type AdminLogEntry = components['schemas']['AdminLogEntry'];

export const myPoints = (signal?: AbortSignal) => read(() => api.GET('/me/points', { signal }), signal);

/** The first page of my statement, newest first. */
export const myTransactions = (signal?: AbortSignal) => read(() => api.GET('/me/points/transactions', { signal }), signal);

/** A shop's or an organization's account (`merchant:<id>`, `org:<id>`), for those whose scope it is. */
export const accountBalance = (accountId: string, signal?: AbortSignal) =>
  read(() => api.GET('/ledger/accounts/{accountId}', { params: { path: { accountId } }, signal }), signal);

/** Points issued, redeemed, expired and corrected per community, and awards per awarding organization (this month). */
export const transparency = (signal?: AbortSignal) => read(() => api.GET('/ledger/transparency', { signal }), signal);

/** The same figures for anyone, signed in or not (公开透明). */
export const publicTransparency = (signal?: AbortSignal) => read(() => api.GET('/public/transparency', { signal }), signal);

/** One page of the ledger's admin log, newest first (admins only); `cursor` from the page before. */
export const adminLogPage = (cursor: string | undefined, signal?: AbortSignal) =>
  read(() => api.GET('/ledger/admin-log', { params: { query: cursor ? { cursor } : {} }, signal }), signal);

/** The ledger names the EARN transfer of verified hours after the hour log: `earn:<hourLogId>`. */
const EARN_PREFIX = 'earn:';

/**
 * What each of my hour logs earned, from my statement (the ledger alone computes points).
 * Pages through the statement, newest first, up to a sane bound.
 */
export const earnedByHourLog = async (signal: AbortSignal): Promise<Map<string, number>> => {
  const earned = new Map<string, number>();
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const query = cursor ? { cursor } : {};
    const res = await read(() => api.GET('/me/points/transactions', { params: { query }, signal }), signal);
    for (const line of res.items) {
      if (line.kind === 'EARN' && line.transferId.startsWith(EARN_PREFIX)) earned.set(line.transferId.slice(EARN_PREFIX.length), line.amount);
    }
    cursor = res.cursor;
    if (!cursor) break;
  }
  return earned;
};
