import {
  type AuditReport, type CheckResult, OUTBOX_RETENTION_MS, checkConservation, checkEntries, checkEntryTransfers,
  checkNoNegativeWallet, checkPendingHolds, checkProjection, result,
} from './check';
import { checkHoldsResolveOnce, checkNoLateCapture } from './holdChecks';
import { checkLots } from './lotChecks';
import type { LedgerSnapshot } from './snapshot';

const committedEventIds = (s: LedgerSnapshot) => {
  const byTransfer = new Map<string, number>();
  for (const { envelope } of s.outbox) {
    if (envelope.type !== 'TransferCommitted') continue;
    const id = String((envelope.data as { transferId?: unknown }).transferId);
    byTransfer.set(id, (byTransfer.get(id) ?? 0) + 1);
  }
  return byTransfer;
};

/**
 * Each COMMITTED transfer has exactly one TransferCommitted event, and no such event
 * lacks its committed transfer. Outbox items expire (TTL): older transfers are skipped.
 */
export const checkOutbox = (s: LedgerSnapshot): CheckResult => {
  const events = committedEventIds(s);
  const retainedSince = Date.parse(s.takenAt) - OUTBOX_RETENTION_MS;
  const problems: string[] = [];
  let skipped = 0;
  const committed = new Set<string>();
  for (const t of s.transfers.filter((t) => t.status === 'COMMITTED')) {
    committed.add(t.transferId);
    const n = events.get(t.transferId) ?? 0;
    if (n === 0 && Date.parse(t.at) < retainedSince) skipped++;
    else if (n !== 1) problems.push(`${t.transferId}: ${n} TransferCommitted event(s)`);
  }
  for (const id of events.keys()) if (!committed.has(id)) problems.push(`event for ${id} without a committed transfer`);
  const note = skipped ? `; ${skipped} transfer(s) older than the outbox retention skipped` : '';
  return result('one-event-per-committed-transfer', problems, `${committed.size - skipped} transfer(s) with one event${note}`);
};

const isAmount = (n: number) => Number.isSafeInteger(n) && n > 0;

/** Committed amounts are positive safe integers; every stored total is a safe integer. */
export const checkAmounts = (s: LedgerSnapshot): CheckResult => {
  const problems = [
    ...s.transfers.filter((t) => t.status === 'COMMITTED' && !isAmount(t.amount)).map((t) => `${t.transferId}: amount ${t.amount}`),
    ...s.holds.filter((h) => !isAmount(h.amount)).map((h) => `${h.holdId}: amount ${h.amount}`),
    ...s.entries.filter((e) => ![e.amount, e.heldDelta, e.balanceAfter].every(Number.isSafeInteger)).map((e) => `${e.accountId}#${e.seq}: not integers`),
    ...[...s.accounts, ...s.shards]
      .filter((a) => ![a.debitsPosted, a.creditsPosted, a.debitsPending, a.creditsPending].every((n) => n === undefined || Number.isSafeInteger(n)))
      .map((a) => `${a.accountId}: totals not integers`),
  ];
  return result('amounts-are-safe-integers', problems, 'all amounts and totals are safe integers');
};

/** Every invariant the stored data allows checking (README, "Audit invariants"). */
export const checkLedger = (s: LedgerSnapshot): AuditReport => {
  const checks = [
    checkConservation, checkProjection, checkEntries, checkNoNegativeWallet, checkEntryTransfers,
    checkPendingHolds, checkHoldsResolveOnce, checkNoLateCapture, checkOutbox, checkAmounts, checkLots,
  ].map((check) => check(s));
  return { ok: checks.every((c) => c.ok), takenAt: s.takenAt, checks };
};
