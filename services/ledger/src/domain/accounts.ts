import { createHash } from 'node:crypto';
import { type Lot, expiringSoon, totalOf } from './lots';

/**
 * Accounts keep four running totals (TigerBeetle's model) and a version. Points are
 * integers; a user's spendable balance counts pending debits, so a hold reserves points.
 */
export interface Totals {
  debitsPosted: number;
  creditsPosted: number;
  debitsPending: number;
  creditsPending: number;
}

export interface Account extends Totals {
  accountId: string;
  version: number;
  /** Number of entries written so far: the next entry is `entrySeq + 1` (gapless). */
  entrySeq: number;
  /** Total ever earned (EARN credits), shown to volunteers. */
  earned: number;
  /** 一票否决: a frozen wallet earns nothing new and cannot redeem until unfrozen. */
  frozen?: boolean;
  /** Wallets only: available points by expiry cohort, oldest first (they sum to `available`). */
  lots?: Lot[];
  /** Wallets only: the community of the latest earn, for aggregate transparency reports. */
  communityId?: string;
}

export const ZERO: Totals = { debitsPosted: 0, creditsPosted: 0, debitsPending: 0, creditsPending: 0 };

export const openAccount = (accountId: string): Account => ({ accountId, version: 0, entrySeq: 0, earned: 0, ...ZERO });

export const userAccountId = (userId: string) => `user:${userId}`;
/** A volunteer's wallet: the only kind of account whose points expire by lots. */
export const isWallet = (accountId: string) => accountId.startsWith('user:');
export const merchantAccountId = (merchantId: string) => `merchant:${merchantId}`;
/** Points an organization's organizers may award; synchronous (debits ≤ credits), never hot. */
export const orgBudgetId = (orgId: string) => `org:${orgId}:budget`;
export const ISSUANCE = 'sys:issuance';
/** Receives deductions and reversals: corrections leave circulation here, so issuance stays the total ever minted. */
export const REVERSALS = 'sys:reversals';
/** Receives points whose lot has expired (breakage); receive only. */
export const EXPIRED = 'sys:expired';

/**
 * Accounts touched by many transfers at once stay out of the synchronous transaction;
 * the projector applies their side into shards (see the README, "Hot accounts").
 */
export const isHotAccount = (accountId: string) => accountId.startsWith('sys:') || accountId.startsWith('merchant:');

/** How many shard items a hot account spreads over: one busy merchant must not serialise the projector. */
export const SHARDS = 8;

/** The shard a transfer's hot side lands in: fixed by its id, so a redelivery hits the same item. */
export const shardOf = (transferId: string) => createHash('sha256').update(transferId).digest().readUInt32BE(0) % SHARDS;

export const available = (t: Totals) => t.creditsPosted - t.debitsPosted - t.debitsPending;

export const balanceOf = (account: Account, now = new Date()) => {
  const soon = expiringSoon(account.lots ?? [], now);
  return {
    accountId: account.accountId,
    available: available(account),
    held: account.debitsPending,
    posted: account.creditsPosted - account.debitsPosted,
    pendingIncoming: account.creditsPending,
    lifetimeEarned: account.earned,
    frozen: account.frozen ?? false,
    expiringSoon: totalOf(soon),
    ...(soon.length ? { nextExpiry: soon[0]!.expiresAt } : {}),
    lots: account.lots ?? [],
  };
};

export const addTotals = (a: Totals, b: Totals): Totals => ({
  debitsPosted: a.debitsPosted + b.debitsPosted,
  creditsPosted: a.creditsPosted + b.creditsPosted,
  debitsPending: a.debitsPending + b.debitsPending,
  creditsPending: a.creditsPending + b.creditsPending,
});
