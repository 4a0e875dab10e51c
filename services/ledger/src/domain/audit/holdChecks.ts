import { type CheckResult, result } from './check';
import type { LedgerSnapshot, TransferRow } from './snapshot';

const resolutionsOf = (s: LedgerSnapshot) => {
  const byHold = new Map<string, TransferRow[]>();
  for (const t of s.transfers) {
    if (t.status !== 'COMMITTED' || !t.holdId || t.kind === 'HOLD') continue;
    byHold.set(t.holdId, [...(byHold.get(t.holdId) ?? []), t]);
  }
  return byHold;
};

const STATE_OF_KIND: Record<string, string> = { POST: 'POSTED', VOID: 'VOIDED' };

/** A hold leaves PENDING exactly once, and its state says by which transfer. */
export const checkHoldsResolveOnce = (s: LedgerSnapshot): CheckResult => {
  const resolutions = resolutionsOf(s);
  const problems: string[] = [];
  for (const h of s.holds) {
    const done = resolutions.get(h.holdId) ?? [];
    if (h.state === 'PENDING' && done.length) problems.push(`${h.holdId}: PENDING but resolved by ${done.map((t) => t.transferId).join(', ')}`);
    if (h.state !== 'PENDING' && done.length !== 1) problems.push(`${h.holdId}: ${h.state} with ${done.length} resolving transfer(s)`);
    if (done.length === 1 && h.state !== 'PENDING' && STATE_OF_KIND[done[0]!.kind] && STATE_OF_KIND[done[0]!.kind] !== h.state) {
      problems.push(`${h.holdId}: ${h.state} but resolved by a ${done[0]!.kind}`);
    }
  }
  const known = new Set(s.holds.map((h) => h.holdId));
  for (const holdId of resolutions.keys()) if (!known.has(holdId)) problems.push(`${holdId}: resolved but no hold`);
  return result('holds-resolve-once', problems, `${s.holds.length} hold(s)`);
};

/** No capture at or after a hold's expiry: the POST transfer's server time is before it. */
export const checkNoLateCapture = (s: LedgerSnapshot): CheckResult => {
  const expiry = new Map(s.holds.map((h) => [h.holdId, Date.parse(h.expiresAt)]));
  const posts = s.transfers.filter((t) => t.status === 'COMMITTED' && t.kind === 'POST' && t.holdId);
  const problems = posts
    .filter((t) => expiry.has(t.holdId!) && Date.parse(t.at) >= expiry.get(t.holdId!)!)
    .map((t) => `${t.transferId}: posted at ${t.at}, hold expired ${new Date(expiry.get(t.holdId!)!).toISOString()}`);
  return result('no-capture-after-expiry', problems, `${posts.length} capture(s) before expiry`);
};
