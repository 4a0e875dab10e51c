import { type Totals, ZERO, addTotals, available, isHotAccount } from '../accounts';
import { type TransferKind, effects } from '../transfers';
import type { LedgerSnapshot, ShardRow, TransferRow } from './snapshot';

export interface CheckResult {
  name: string;
  ok: boolean;
  details: string;
  /** True when the check holds only once the projector has applied every committed transfer. */
  needsDrainedProjector: boolean;
}

export interface AuditReport {
  ok: boolean;
  takenAt: string;
  checks: CheckResult[];
}

/** Outbox items live this long (outboxPut's expiresAt); older transfers may have lost theirs. */
export const OUTBOX_RETENTION_MS = 7 * 24 * 3600 * 1000;
const SHOWN_PROBLEMS = 5;

export const result = (name: string, problems: string[], summary: string, needsDrainedProjector = false): CheckResult => ({
  name,
  ok: problems.length === 0,
  needsDrainedProjector,
  details: problems.length === 0
    ? summary
    : `${problems.length} problem(s): ${problems.slice(0, SHOWN_PROBLEMS).join('; ')}${problems.length > SHOWN_PROBLEMS ? '; …' : ''}`,
});

const groupBy = <T>(rows: T[], key: (row: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
};

const shardTotals = (s: ShardRow): Totals => ({
  debitsPosted: s.debitsPosted ?? 0, creditsPosted: s.creditsPosted ?? 0,
  debitsPending: s.debitsPending ?? 0, creditsPending: s.creditsPending ?? 0,
});

const sumTotals = (all: Totals[]) => all.reduce(addTotals, ZERO);

const committed = (s: LedgerSnapshot) => s.transfers.filter((t) => t.status === 'COMMITTED');

/** Every kind `effects` knows; a Record, so a new TransferKind does not compile until listed. */
const KNOWN_KINDS: Record<TransferKind, true> = { EARN: true, AWARD: true, DEDUCT: true, REVERSAL: true, HOLD: true, POST: true, VOID: true, EXPIRE: true };
const isKind = (kind: string): kind is TransferKind => Object.hasOwn(KNOWN_KINDS, kind);

/**
 * The two sides of a transfer, through the domain's own `effects`, so every kind is
 * covered. A POST or VOID releases its whole hold (a partial capture frees the rest),
 * which the transfer row does not repeat: it comes from the hold.
 */
const sidesOf = (t: TransferRow, holdAmounts: Map<string, number>): { debit: Totals; credit: Totals } | undefined => {
  if (!isKind(t.kind)) return undefined;
  const released = t.kind !== 'HOLD' && t.holdId ? holdAmounts.get(t.holdId) : undefined;
  return effects(t.kind, t.amount, released ?? t.amount);
};

const totalsEqual = (a: Totals, b: Totals) =>
  a.debitsPosted === b.debitsPosted && a.creditsPosted === b.creditsPosted && a.debitsPending === b.debitsPending && a.creditsPending === b.creditsPending;

const show = (t: Totals) => `dP=${t.debitsPosted} cP=${t.creditsPosted} dH=${t.debitsPending} cH=${t.creditsPending}`;

/** Σ debits = Σ credits, posted and pending, over user accounts and hot-account shards. */
export const checkConservation = (s: LedgerSnapshot): CheckResult => {
  const all = sumTotals([...s.accounts, ...s.shards.map(shardTotals)]);
  const problems = [
    ...(all.debitsPosted === all.creditsPosted ? [] : [`posted debits ${all.debitsPosted} ≠ credits ${all.creditsPosted}`]),
    ...(all.debitsPending === all.creditsPending ? [] : [`pending debits ${all.debitsPending} ≠ credits ${all.creditsPending}`]),
  ];
  return result('conservation', problems, `posted ${all.debitsPosted} = ${all.creditsPosted}, pending ${all.debitsPending} = ${all.creditsPending}`, true);
};

/** Each hot account's shards sum to the hot side of its committed transfers: the projector has drained. */
export const checkProjection = (s: LedgerSnapshot): CheckResult => {
  const expected = new Map<string, Totals>();
  const holdAmounts = new Map(s.holds.map((h) => [h.holdId, h.amount]));
  const problems: string[] = [];
  for (const t of committed(s)) {
    const sides = sidesOf(t, holdAmounts);
    if (!sides) {
      problems.push(`${t.transferId}: unknown kind ${t.kind}`);
      continue;
    }
    for (const [accountId, delta] of [[t.debitAccount, sides.debit], [t.creditAccount, sides.credit]] as const) {
      if (isHotAccount(accountId)) expected.set(accountId, addTotals(expected.get(accountId) ?? ZERO, delta));
    }
  }
  const actual = new Map([...groupBy(s.shards, (r) => r.accountId)].map(([id, rows]) => [id, sumTotals(rows.map(shardTotals))]));
  for (const accountId of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(accountId) ?? ZERO;
    const have = actual.get(accountId) ?? ZERO;
    if (!totalsEqual(want, have)) problems.push(`${accountId}: shards ${show(have)}, transfers ${show(want)}`);
  }
  return result('hot-accounts-projected', problems, `${expected.size} hot account(s) match their committed transfers`, true);
};

/** Each user account's entries are numbered 1..entrySeq and replay to its stored totals. */
export const checkEntries = (s: LedgerSnapshot): CheckResult => {
  const byAccount = groupBy(s.entries, (e) => e.accountId);
  const problems: string[] = [];
  const known = new Set(s.accounts.map((a) => a.accountId));
  for (const accountId of byAccount.keys()) {
    if (!known.has(accountId)) problems.push(`${accountId}: entries without an account`);
  }
  for (const account of s.accounts) {
    const entries = [...(byAccount.get(account.accountId) ?? [])].sort((a, b) => a.seq - b.seq);
    const seqs = entries.map((e) => e.seq).join(',');
    const want = Array.from({ length: account.entrySeq }, (_, i) => i + 1).join(',');
    if (seqs !== want) problems.push(`${account.accountId}: entries [${seqs}], expected 1..${account.entrySeq}`);
    let posted = 0;
    let held = 0;
    for (const e of entries) {
      posted += e.amount;
      held += e.heldDelta;
      if (e.balanceAfter !== posted - held) problems.push(`${account.accountId}#${e.seq}: balanceAfter ${e.balanceAfter}, replay gives ${posted - held}`);
    }
    if (posted !== account.creditsPosted - account.debitsPosted) problems.push(`${account.accountId}: entries post ${posted}, account ${account.creditsPosted - account.debitsPosted}`);
    if (held !== account.debitsPending) problems.push(`${account.accountId}: entries hold ${held}, account ${account.debitsPending}`);
  }
  return result('entries-gapless-and-replay', problems, `${s.accounts.length} account(s), ${s.entries.length} entries`);
};

/** No user wallet below zero: spendable (pending debits counted) and held are ≥ 0. */
export const checkNoNegativeWallet = (s: LedgerSnapshot): CheckResult => {
  const problems = s.accounts
    .filter((a) => available(a) < 0 || a.debitsPending < 0)
    .map((a) => `${a.accountId}: available ${available(a)}, held ${a.debitsPending}`);
  return result('no-negative-wallet', problems, `${s.accounts.length} wallet(s) ≥ 0`);
};

/** Entries point at COMMITTED transfers of their account; each committed transfer has one entry per user side. */
export const checkEntryTransfers = (s: LedgerSnapshot): CheckResult => {
  const transfers = new Map(s.transfers.map((t) => [t.transferId, t]));
  const entriesOf = groupBy(s.entries, (e) => `${e.accountId} ${e.transferId}`);
  const problems: string[] = [];
  for (const e of s.entries) {
    const t = transfers.get(e.transferId);
    if (!t) problems.push(`${e.accountId}#${e.seq}: transfer ${e.transferId} missing`);
    else if (t.status !== 'COMMITTED') problems.push(`${e.accountId}#${e.seq}: transfer ${e.transferId} is ${t.status}`);
    else if (t.debitAccount !== e.accountId && t.creditAccount !== e.accountId) problems.push(`${e.accountId}#${e.seq}: transfer ${e.transferId} does not touch it`);
  }
  for (const t of committed(s)) {
    for (const accountId of [t.debitAccount, t.creditAccount].filter((a) => !isHotAccount(a))) {
      const n = entriesOf.get(`${accountId} ${t.transferId}`)?.length ?? 0;
      if (n !== 1) problems.push(`${t.transferId}: ${n} entries on ${accountId}`);
    }
  }
  return result('entries-match-committed-transfers', problems, `${s.transfers.length} transfer(s), ids unique by key`);
};

/** debitsPending of each user account = what its PENDING holds still reserve. */
export const checkPendingHolds = (s: LedgerSnapshot): CheckResult => {
  const reserved = new Map<string, number>();
  for (const h of s.holds.filter((h) => h.state === 'PENDING')) reserved.set(h.userAccount, (reserved.get(h.userAccount) ?? 0) + (h.remaining ?? h.amount));
  const problems: string[] = [];
  for (const a of s.accounts) {
    if (a.debitsPending !== (reserved.get(a.accountId) ?? 0)) problems.push(`${a.accountId}: held ${a.debitsPending}, pending holds ${reserved.get(a.accountId) ?? 0}`);
  }
  const known = new Set(s.accounts.map((a) => a.accountId));
  for (const [accountId, amount] of reserved) {
    if (!known.has(accountId)) problems.push(`${accountId}: pending holds ${amount} without an account`);
  }
  return result('pending-holds-match', problems, `${s.holds.filter((h) => h.state === 'PENDING').length} pending hold(s)`);
};
