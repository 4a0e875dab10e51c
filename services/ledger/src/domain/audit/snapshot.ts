import type { Envelope } from '@lianxin/shared/events/envelope';
import type { Account } from '../accounts';
import type { Lot } from '../lots';

/**
 * Everything the audit looks at, as plain rows: what a Scan of the ledger table returns,
 * or what a test writes by hand. Kinds and states stay strings so that an audit of data
 * written by a newer version still runs (an unknown kind is reported, not a crash).
 */
export interface ShardRow {
  accountId: string;
  shard: number;
  debitsPosted?: number;
  creditsPosted?: number;
  debitsPending?: number;
  creditsPending?: number;
}

export interface TransferRow {
  transferId: string;
  kind: string;
  debitAccount: string;
  creditAccount: string;
  amount: number;
  holdId?: string;
  status: string;
  failureReason?: string;
  at: string;
}

export interface EntryRow {
  accountId: string;
  seq: number;
  transferId: string;
  kind: string;
  amount: number;
  heldDelta: number;
  balanceAfter: number;
  at: string;
}

export interface HoldRow {
  holdId: string;
  userAccount: string;
  merchantAccount: string;
  amount: number;
  /** What is still reserved, when holds may be partly resolved; else `amount`. */
  remaining?: number;
  expiresAt: string;
  state: string;
  /** The lots a hold took from the wallet (holds written before lots existed have none). */
  lots?: Lot[];
}

export interface OutboxRow {
  eventId: string;
  envelope: Envelope;
}

export interface LedgerSnapshot {
  takenAt: string;
  accounts: Account[];
  shards: ShardRow[];
  transfers: TransferRow[];
  entries: EntryRow[];
  holds: HoldRow[];
  outbox: OutboxRow[];
}

export const emptySnapshot = (takenAt = new Date().toISOString()): LedgerSnapshot => ({
  takenAt, accounts: [], shards: [], transfers: [], entries: [], holds: [], outbox: [],
});
