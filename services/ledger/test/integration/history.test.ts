/**
 * A recorded history (README, "How it is tested"): a few hundred seeded commands run 16
 * at a time against DynamoDB Local through the ledger's public entry points (the bus
 * consumer, the adjustments HTTP app), each answer recorded as ok / failed (a business
 * refusal) / threw (a crash, a dependency not there yet, a key still in progress). Then
 * the history is checked against the table: ok ⇒ committed exactly once with its entries;
 * failed ⇒ nothing committed for it; threw ⇒ at most once; replays answer alike; nothing
 * committed that no command asked for; balances replay from the committed transfers; the
 * audit passes. Sweeps of due lots and freezes run among the commands; at the end no due
 * lot is left and every lot expired at most once. Reproduce a failure with LEDGER_HISTORY_SEED=<seed shown>.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { readLedgerSnapshot } from '../../src/store/snapshot';
import type { LedgerSnapshot, TransferRow } from '../../src/domain/audit/snapshot';
import { ledgerEvents } from '../../src/events/consumer';
import { sweepLots } from '../../src/app/sweepLots';
import {
  type Random, auditFailures, captureConsumerOutcomes, counts, deliver, drainProjector, isBusinessError, pool, postAdjustment,
  postFreeze, replayTotals, seeded, storedTotals, useFreshLedgerTable,
} from '../support/harness';

// The consumer's answers are read from its info log lines, and a logger takes its level
// when the ledger is imported: raise it before the imports (vi.hoisted runs first).
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'info';
});

const SEED = Number(process.env.LEDGER_HISTORY_SEED ?? 20261121);
const DELIVERIES = 320;
const CONCURRENCY = 16;
const DAY_MS = 24 * 3600_000;

/** A logical command: what a caller means, whatever number of times it is sent. */
type Logical =
  | { kind: 'earn'; volunteerId: string; hourLogId: string; points: number; at: Date }
  | { kind: 'hold'; volunteerId: string; merchantId: string; redemptionId: string; points: number; expiresAt: string }
  | { kind: 'post'; redemptionId: string; merchantId: string }
  | { kind: 'void'; redemptionId: string }
  | { kind: 'award' | 'deduct'; volunteerId: string; key: string; amount: number; reason: string }
  | { kind: 'reversal'; originalTransferId: string; key: string; amount: number; reason: string }
  | { kind: 'freeze' | 'unfreeze'; volunteerId: string; reason: string }
  | { kind: 'sweep'; at: Date };

/** Commands that move no points by themselves and are sent once: their answers are not replays. */
const isControl = (l: Logical) => l.kind === 'freeze' || l.kind === 'unfreeze' || l.kind === 'sweep';

/** One send: `altered` reuses the command's id with another amount (it must be refused if the first won). */
interface Send { logical: Logical; group: number; altered: boolean }

type Answer =
  | { result: 'ok'; transferId: string }
  | { result: 'failed'; code: string; transferId?: string }
  | { result: 'threw'; error: string }
  | { result: 'done' };

interface Recorded extends Send { answer: Answer }

/** The amount a send asks for; an altered send asks for a different one, so a stored transfer tells which won. */
const amountOf = ({ logical, altered }: Send): number | undefined => {
  const base = 'points' in logical ? logical.points : 'amount' in logical ? logical.amount : undefined;
  return base === undefined ? undefined : base + (altered ? 3 : 0);
};

/**
 * Seeded commands over a few volunteers and shops. Earns fall on distinct days (no cap
 * clips them, so an earn's amount is exactly its points); some holds are already expired
 * when requested (a confirmation must then release, not capture).
 */
const generate = (rnd: Random): Send[] => {
  const volunteers = Array.from({ length: 10 }, () => newId('u'));
  const merchants = Array.from({ length: 3 }, () => newId('m'));
  const logicals: Logical[] = [];
  const sends: Send[] = [];
  const of = (kind: Logical['kind']) => logicals.map((l, group) => ({ l, group })).filter(({ l }) => l.kind === kind);
  const add = (logical: Logical) => {
    logicals.push(logical);
    sends.push({ logical, group: logicals.length - 1, altered: false });
  };
  while (sends.length < DELIVERIES) {
    const roll = rnd.int(1, 100);
    const holds = of('hold');
    const earns = of('earn');
    if (roll <= 25 || earns.length < 5) {
      // A fifth of the hours were verified over two years ago: their lot is due, and sweeps expire what is left of it.
      const ago = (earns.length + 1 + (rnd.chance(0.2) ? 800 : 0)) * DAY_MS;
      add({ kind: 'earn', volunteerId: rnd.pick(volunteers), hourLogId: newId('hl'), points: rnd.int(20, 80), at: new Date(Date.now() - ago) });
    } else if (roll >= 97) {
      add({ kind: 'sweep', at: new Date() });
    } else if (roll >= 95) {
      add({ kind: roll === 95 ? 'freeze' : 'unfreeze', volunteerId: rnd.pick(volunteers), reason: `一票否决 ${newId('r')}` });
    } else if (roll <= 41) {
      const kind = roll <= 33 ? 'award' : 'deduct';
      add({ kind, volunteerId: rnd.pick(volunteers), key: newId('k'), amount: rnd.int(5, kind === 'award' ? 30 : 40), reason: `${kind} ${newId('r')}` });
    } else if (roll <= 56 || holds.length === 0) {
      const expired = rnd.chance(0.25);
      add({
        kind: 'hold', volunteerId: rnd.pick(volunteers), merchantId: rnd.pick(merchants), redemptionId: newId('rdm'), points: rnd.int(5, 50),
        expiresAt: new Date(Date.now() + (expired ? -60_000 : 600_000)).toISOString(),
      });
    } else if (roll <= 72) {
      // Half the confirmations go to holds that expired before they were requested: the late-confirmation path.
      const late = holds.filter(({ l }) => (l as { expiresAt: string }).expiresAt < new Date().toISOString());
      const { l } = rnd.pick(roll <= 66 && late.length && rnd.chance(0.5) ? late : holds) as { l: Extract<Logical, { kind: 'hold' }> };
      add(roll <= 66 ? { kind: 'post', redemptionId: l.redemptionId, merchantId: l.merchantId } : { kind: 'void', redemptionId: l.redemptionId });
    } else if (roll <= 78) {
      const { l } = rnd.pick(earns) as { l: Extract<Logical, { kind: 'earn' }> };
      add({ kind: 'reversal', originalTransferId: `earn:${l.hourLogId}`, key: newId('k'), amount: rnd.int(1, l.points), reason: `reversal ${newId('r')}` });
    } else {
      // A retry of an earlier command, the same or (for commands carrying an amount) altered.
      const group = rnd.int(0, logicals.length - 1);
      const logical = logicals[group]!;
      if (isControl(logical)) continue;
      sends.push({ logical, group, altered: roll > 92 && amountOf({ logical, group, altered: false }) !== undefined });
    }
  }
  return sends;
};

/** The event a send delivers (a fresh envelope id each time: a re-published copy, keyed by its business id). */
const eventOf = (send: Send): Envelope => {
  const { logical: l } = send;
  const amount = amountOf(send)!;
  switch (l.kind) {
    case 'earn':
      // Worth `amount` at 10 points an hour: an altered send names other minutes.
      return events.HoursVerifiedV2.make({
        hourLogId: l.hourLogId, volunteerId: l.volunteerId, activityId: 'a', shiftId: 's', orgId: 'o', communityId: 'c', minutes: amount * 6, kind: 'shift', pointsPerHour: 10, verifiedBy: 'org',
      }, 'hours', l.at);
    case 'hold':
      return events.RedemptionRequestedV1.make({ redemptionId: l.redemptionId, volunteerId: l.volunteerId, merchantId: l.merchantId, rewardId: 'r', points: amount, holdExpiresAt: l.expiresAt }, 'redemption');
    case 'post':
      return events.RedemptionConfirmedV1.make({ redemptionId: l.redemptionId, merchantId: l.merchantId, confirmedBy: 'shop' }, 'redemption');
    default:
      return events.RedemptionExpiredV1.make({ redemptionId: (l as { redemptionId: string }).redemptionId }, 'redemption');
  }
};

const bodyOf = (send: Send) => {
  const { logical: l } = send;
  const amount = amountOf(send)!;
  if (l.kind === 'reversal') return { kind: 'REVERSAL', originalTransferId: l.originalTransferId, amount, reason: l.reason };
  const { volunteerId, reason } = l as Extract<Logical, { kind: 'award' | 'deduct' }>;
  return { kind: l.kind === 'award' ? 'AWARD' : 'DEDUCT', userId: volunteerId, amount, reason };
};

const isHttp = (l: Logical) => l.kind === 'award' || l.kind === 'deduct' || l.kind === 'reversal';

/** Send once and record the answer; never throws. */
const run = async (send: Send, outcomes: Map<string, unknown>): Promise<Answer> => {
  try {
    const { logical: l } = send;
    if (l.kind === 'sweep') return (await sweepLots(l.at), { result: 'done' });
    if (l.kind === 'freeze' || l.kind === 'unfreeze') {
      const res = await postFreeze(l.volunteerId, l.kind, l.reason);
      return res.status === 200 ? { result: 'done' } : { result: 'failed', code: String(res.status) };
    }
    if (isHttp(send.logical)) {
      const res = await postAdjustment((send.logical as { key: string }).key, bodyOf(send));
      const code = (res.body as { error?: { code?: string } })?.error?.code ?? String(res.status);
      if (res.status === 201) return { result: 'ok', transferId: (res.body as { transferId: string }).transferId };
      // Still running under the same key: a "come back later", not an answer.
      if (res.status >= 500 || code === 'REQUEST_IN_PROGRESS') return { result: 'threw', error: code };
      return { result: 'failed', code };
    }
    const e = eventOf(send);
    await deliver(ledgerEvents, e);
    const outcome = outcomes.get(e.id) as { status: string; transferId: string; reason?: string } | undefined;
    if (!outcome) return { result: 'threw', error: 'no outcome logged' };
    return outcome.status === 'COMMITTED'
      ? { result: 'ok', transferId: outcome.transferId }
      : { result: 'failed', code: outcome.reason ?? 'FAILED', transferId: outcome.transferId };
  } catch (error) {
    if (isBusinessError(error)) return { result: 'failed', code: (error as { code: string }).code };
    return { result: 'threw', error: String(error) };
  }
};

const REUSED = ['TRANSFER_ID_REUSED', 'IDEMPOTENCY_KEY_REUSED'];

/** Whether a stored transfer could have come from this logical command (its business id, or its unique reason). */
const claims = (l: Logical, t: TransferRow & { reason?: string }): boolean => {
  switch (l.kind) {
    case 'earn':
      return t.transferId === `earn:${l.hourLogId}`;
    case 'hold':
      return t.transferId === `redeem:${l.redemptionId}` && t.kind === 'HOLD';
    case 'post': // A confirmation after expiry releases the hold instead.
      return t.holdId === `redeem:${l.redemptionId}` && (t.kind === 'POST' || t.kind === 'VOID');
    case 'void':
      return t.holdId === `redeem:${l.redemptionId}` && t.kind === 'VOID';
    case 'sweep':
      return t.kind === 'EXPIRE';
    case 'freeze':
    case 'unfreeze':
      return false;
    default:
      return t.reason === l.reason;
  }
};

const HOT = /^(sys|merchant):/;

/** Every violation of the history's rules, as readable lines (empty when the history holds). */
const violations = (history: Recorded[], s: LedgerSnapshot): string[] => {
  const problems: string[] = [];
  const committed = s.transfers.filter((t) => t.status === 'COMMITTED') as (TransferRow & { reason?: string })[];
  const byId = new Map(s.transfers.map((t) => [t.transferId, t]));
  const entries = counts(s.entries.map((e) => `${e.accountId} ${e.transferId}`));
  const show = (r: Recorded) => `#${r.group}${r.altered ? '′' : ''} ${r.logical.kind}`;

  for (const r of history.filter((h) => !isControl(h.logical))) {
    const { answer } = r;
    const mine = committed.filter((t) => claims(r.logical, t));
    if (answer.result === 'ok') {
      // ok ⇒ exactly once: COMMITTED, with the amount asked for and one entry per wallet side.
      const t = byId.get(answer.transferId);
      if (!t || t.status !== 'COMMITTED' || !claims(r.logical, t)) problems.push(`${show(r)}: ok but ${answer.transferId} is ${t?.status ?? 'absent'}`);
      else {
        const amount = amountOf(r);
        if (amount !== undefined && t.amount !== amount) problems.push(`${show(r)}: ok for ${amount} but ${t.transferId} moved ${t.amount}`);
        for (const accountId of [t.debitAccount, t.creditAccount].filter((a) => !HOT.test(a))) {
          if (entries.get(`${accountId} ${t.transferId}`) !== 1) problems.push(`${show(r)}: ${entries.get(`${accountId} ${t.transferId}`) ?? 0} entries on ${accountId}`);
        }
      }
    } else if (answer.result === 'failed' && REUSED.includes(answer.code)) {
      // Refused as a reuse: whatever is stored under the id is the other payload.
      if (mine.some((t) => t.kind !== 'VOID' && t.amount === amountOf(r))) problems.push(`${show(r)}: refused as reused, yet its payload committed`);
    } else if (answer.result === 'failed') {
      // A business refusal: the failure is what is stored (events), and nothing of this payload committed.
      if (answer.transferId && byId.get(answer.transferId)?.status !== 'FAILED') problems.push(`${show(r)}: failed but ${answer.transferId} is ${byId.get(answer.transferId)?.status ?? 'absent'}`);
      if (answer.transferId && byId.get(answer.transferId)?.failureReason !== answer.code) problems.push(`${show(r)}: failed ${answer.code}, stored ${byId.get(answer.transferId)?.failureReason}`);
      const same = (t: TransferRow) => (r.logical.kind === 'post' ? t.kind === 'POST' : amountOf(r) === undefined || t.amount === amountOf(r));
      if (mine.some(same)) problems.push(`${show(r)}: failed ${answer.code} but committed`);
    }
    // threw ⇒ at most once; ids are unique keys, so "once" is about what hangs off a transfer.
    if (mine.length > 1) problems.push(`${show(r)}: ${mine.length} committed transfers`);
  }

  // The same command (same payload) gets the same answer however often it is sent.
  const answers = new Map<string, Set<string>>();
  for (const r of history.filter((h) => h.answer.result !== 'threw' && !isControl(h.logical))) {
    const k = `${r.group}${r.altered ? '′' : ''}`;
    const a = r.answer.result === 'ok' ? `ok ${r.answer.transferId}` : `failed ${(r.answer as { code: string }).code}`;
    answers.set(k, (answers.get(k) ?? new Set()).add(a));
  }
  for (const [k, set] of answers) if (set.size > 1) problems.push(`#${k}: answered ${[...set].join(' / ')}`);

  // Nothing committed that no command (answered ok, or without an answer) asked for.
  for (const t of committed) {
    if (!history.some((r) => r.answer.result !== 'failed' && claims(r.logical, t))) problems.push(`${t.transferId}: committed, but no command asked for it`);
  }

  // A reversal never takes back more than its original gave.
  for (const original of committed.filter((t) => t.kind === 'EARN')) {
    const reversed = committed.filter((t) => t.kind === 'REVERSAL' && (t as { originalTransferId?: string }).originalTransferId === original.transferId).reduce((n, t) => n + t.amount, 0);
    if (reversed > original.amount) problems.push(`${original.transferId}: reversed ${reversed} of ${original.amount}`);
  }

  // Lots expire at most once each: one EXPIRE per wallet, cohort and entry.
  for (const [id, n] of counts(committed.filter((t) => t.kind === 'EXPIRE').map((t) => t.transferId))) if (n > 1) problems.push(`${id}: ${n} expiries`);

  // Every account's totals (hot accounts: the sum of their shards) replay from the committed transfers.
  const stored = storedTotals(s);
  const replayed = replayTotals(s);
  for (const accountId of new Set([...stored.keys(), ...replayed.keys()])) {
    const [a, b] = [JSON.stringify(stored.get(accountId) ?? null), JSON.stringify(replayed.get(accountId) ?? null)];
    if (a !== b) problems.push(`${accountId}: stored ${a}, replay ${b}`);
  }
  return problems;
};

let restoreTable: () => void;
let capture: ReturnType<typeof captureConsumerOutcomes>;
beforeAll(async () => {
  restoreTable = await useFreshLedgerTable('history');
  // For the whole file: the projector's consumed events are logged at info level too.
  capture = captureConsumerOutcomes();
});
afterAll(() => {
  capture.stop();
  restoreTable();
});

describe(`a recorded parallel history (seed ${SEED})`, () => {
  it(`${DELIVERIES} commands, ${CONCURRENCY} at a time: ok ⇒ exactly once, failed ⇒ nothing, threw ⇒ at most once`, async () => {
    const sends = generate(seeded(SEED));
    const history: Recorded[] = await pool(sends, CONCURRENCY, async (send) => ({ ...send, answer: await run(send, capture.outcomes) }));
    // A last sweep after the storm: no wallet keeps points of a lot that is due.
    await sweepLots(new Date());
    await drainProjector();
    const snapshot = await readLedgerSnapshot();
    const due = snapshot.accounts.flatMap((a) => (a.lots ?? []).filter((l) => Date.parse(l.expiresAt) <= Date.now()).map((l) => `${a.accountId} ${l.expiresAt}`));
    expect(due).toEqual([]);
    expect(snapshot.transfers.filter((t) => t.kind === 'EXPIRE' && t.status === 'COMMITTED').length).toBeGreaterThan(0);
    expect(history.filter((r) => r.logical.kind === 'freeze' && r.answer.result === 'done').length).toBeGreaterThan(0);

    const tally = counts(history.map((r) => `${r.logical.kind} ${r.answer.result}`));
    // The history must have exercised what it claims to check, or it proves nothing.
    for (const needed of ['earn ok', 'hold ok', 'hold failed', 'post ok', 'void ok', 'award ok', 'deduct ok', 'deduct failed', 'reversal ok']) {
      expect(tally.get(needed) ?? 0, `${needed} in ${JSON.stringify([...tally])}`).toBeGreaterThan(0);
    }
    expect(history.filter((r) => r.answer.result === 'failed' && REUSED.includes(r.answer.code)).length).toBeGreaterThan(0);
    // A confirmation that came after the hold's expiry released it rather than capturing.
    expect(history.some((r) => r.logical.kind === 'post' && r.answer.result === 'ok' && r.answer.transferId.endsWith(':void'))).toBe(true);

    expect(violations(history, snapshot)).toEqual([]);
    expect(await auditFailures(snapshot)).toEqual([]);
  }, 60_000);
});
