/**
 * Model-based tests of the ledger's pure core (README, "How it is tested"): random command
 * sequences run against `decide` + `effects` (with a tiny in-memory transfer store, as
 * commitTransfer keeps one) and against a naive reference model written without them;
 * after every command the two must agree and every invariant must hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, type Totals, ZERO, addTotals, available, openAccount } from '../../src/domain/accounts';
import { type Lot, totalOf } from '../../src/domain/lots';
import { type Hold, type TransferCommand, decide, effects } from '../../src/domain/transfers';
import { checkLedger } from '../../src/domain/audit/report';
import { type LedgerSnapshot, emptySnapshot } from '../../src/domain/audit/snapshot';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const USERS = ['user:a', 'user:b', 'user:c'];
const MERCHANT = 'merchant:m';
const ISSUANCE = 'sys:issuance';
const REVERSALS = 'sys:reversals';
const EXPIRED = 'sys:expired';
/** Points of hand-written steps stay valid for the whole run. */
const LONG_VALIDITY = 10 * 365 * 86_400_000;

// ---- commands, as generated (abstract) and as executed (concrete) ----

type Step =
  | { op: 'earn'; user: number; amount: number; validity?: number }
  | { op: 'award'; user: number; amount: number; validity?: number }
  | { op: 'deduct'; user: number; amount: number }
  | { op: 'reverse'; of: number; amount: number }
  | { op: 'freeze'; user: number; frozen: boolean }
  | { op: 'sweep' }
  | { op: 'hold'; user: number; amount: number; ttl: number }
  | { op: 'post'; hold: number; part: number; atExpiry: boolean }
  | { op: 'void'; hold: number }
  | { op: 'retry'; of: number }
  | { op: 'retryOther'; of: number; by: number }
  | { op: 'advance'; ms: number };

type Outcome = { status: 'COMMITTED' } | { status: 'FAILED'; reason: string } | { status: 'REUSED' };

/** Builds concrete commands from the history of steps only, never from either state. */
class Script {
  private commands: TransferCommand[] = [];
  private holds: TransferCommand[] = [];
  private seq = 0;

  concrete(step: Step, now: number): TransferCommand | undefined {
    const cmd = this.build(step, now);
    if (cmd && step.op !== 'retry' && step.op !== 'retryOther') this.commands.push(cmd);
    if (cmd?.kind === 'HOLD') this.holds.push(cmd);
    return cmd;
  }

  expiryOf(index: number) {
    const h = this.holds[index % Math.max(1, this.holds.length)];
    return h ? Date.parse(h.expiresAt!) : undefined;
  }

  private build(step: Step, now: number): TransferCommand | undefined {
    const id = `t${++this.seq}`;
    switch (step.op) {
      case 'earn':
      case 'award':
        return {
          transferId: `${step.op}:${id}`, kind: step.op === 'earn' ? 'EARN' : 'AWARD', debitAccount: ISSUANCE, creditAccount: USERS[step.user]!,
          amount: step.amount, memo: '', lotExpiresAt: new Date(now + (step.validity ?? LONG_VALIDITY)).toISOString(),
        };
      case 'reverse': {
        const original = this.commands.filter((c) => c.kind === 'EARN' || c.kind === 'AWARD')[step.of % Math.max(1, this.commands.length)];
        if (!original) return undefined;
        return {
          transferId: `rev:${id}`, kind: 'REVERSAL', debitAccount: original.creditAccount, creditAccount: REVERSALS, amount: step.amount, memo: '',
          originalTransferId: original.transferId,
        };
      }
      case 'deduct':
        return { transferId: `deduct:${id}`, kind: 'DEDUCT', debitAccount: USERS[step.user]!, creditAccount: REVERSALS, amount: step.amount, memo: '' };
      case 'hold':
        return {
          transferId: `redeem:${id}`, kind: 'HOLD', debitAccount: USERS[step.user]!, creditAccount: MERCHANT, amount: step.amount, memo: '',
          holdId: `redeem:${id}`, expiresAt: new Date(now + step.ttl).toISOString(),
        };
      case 'post':
      case 'void': {
        const h = this.holds[step.hold % Math.max(1, this.holds.length)];
        if (!h) return undefined;
        const amount = step.op === 'post' ? Math.max(1, Math.round(h.amount * step.part)) : h.amount;
        const kind = step.op === 'post' ? 'POST' : 'VOID';
        return { ...h, transferId: `${h.holdId}:${step.op}`, kind, amount, expiresAt: undefined };
      }
      case 'retry':
        return this.commands[step.of % Math.max(1, this.commands.length)];
      case 'retryOther': {
        const c = this.commands[step.of % Math.max(1, this.commands.length)];
        return c && { ...c, amount: c.amount + step.by };
      }
      case 'advance':
      case 'freeze':
      case 'sweep':
        return undefined;
    }
  }
}

const payloadOf = (c: TransferCommand) => JSON.stringify([c.kind, c.debitAccount, c.creditAccount, c.amount, c.holdId ?? null, c.expiresAt ?? null]);

// ---- the naive reference model: plain numbers, no domain code ----

interface ModelHold { user: string; amount: number; expiresAt: number; state: 'PENDING' | 'POSTED' | 'VOIDED'; points: number[] }

/** Keeps every available point as its own expiry instant, oldest first: lots without the bookkeeping. */
class Model {
  posted = new Map<string, number>();
  held = new Map<string, number>();
  hot = new Map<string, number>();
  holds = new Map<string, ModelHold>();
  points = new Map<string, number[]>();
  frozen = new Set<string>();
  reversed = new Map<string, number>();
  transfers = new Map<string, { payload: string; outcome: Outcome; amount: number; kind: string }>();

  apply(c: TransferCommand, now: number): Outcome {
    const known = this.transfers.get(c.transferId);
    if (known) return known.payload === payloadOf(c) ? known.outcome : { status: 'REUSED' };
    const reason = this.refusal(c, now);
    const outcome: Outcome = reason ? { status: 'FAILED', reason } : { status: 'COMMITTED' };
    if (!reason) this.move(c);
    this.transfers.set(c.transferId, { payload: payloadOf(c), outcome, amount: c.amount, kind: c.kind });
    return outcome;
  }

  /** What a sweep at `now` expires: every available point whose instant has come. */
  sweep(now: number) {
    for (const [user, list] of this.points) {
      const gone = list.filter((t) => t <= now).length;
      if (!gone) continue;
      this.points.set(user, list.slice(gone));
      this.add(this.posted, user, -gone);
      this.add(this.hot, EXPIRED, gone);
    }
  }

  /** Available points by expiry instant, as the core's lots should show them. */
  lotsOf(user: string) {
    const lots = new Map<string, number>();
    for (const t of this.points.get(user) ?? []) lots.set(new Date(t).toISOString(), (lots.get(new Date(t).toISOString()) ?? 0) + 1);
    return [...lots].map(([expiresAt, points]) => ({ expiresAt, points }));
  }

  spendable(user: string) {
    return (this.posted.get(user) ?? 0) - (this.held.get(user) ?? 0);
  }

  private refusal(c: TransferCommand, now: number): string | undefined {
    if (c.kind === 'REVERSAL') {
      const original = this.transfers.get(c.originalTransferId!);
      if (original?.outcome.status !== 'COMMITTED') return 'NOT_REVERSIBLE';
      if ((this.reversed.get(c.originalTransferId!) ?? 0) + c.amount > original.amount) return 'EXCEEDS_ORIGINAL';
    }
    if (!(c.amount > 0 && c.amount % 1 === 0 && c.amount <= 2 ** 53 - 1)) return 'INVALID_AMOUNT';
    if (c.kind === 'POST' || c.kind === 'VOID') {
      const h = this.holds.get(c.holdId!);
      if (!h || h.state !== 'PENDING') return 'HOLD_NOT_PENDING';
      if (c.kind === 'POST' && now >= h.expiresAt) return 'HOLD_EXPIRED';
      if (c.amount > h.amount) return 'EXCEEDS_HOLD';
      return undefined;
    }
    if (this.frozen.has(c.kind === 'HOLD' ? c.debitAccount : c.creditAccount) && ['HOLD', 'EARN', 'AWARD'].includes(c.kind)) return 'ACCOUNT_FROZEN';
    if (c.kind !== 'EARN' && c.kind !== 'AWARD' && this.spendable(c.debitAccount) < c.amount) return 'INSUFFICIENT_POINTS';
    return undefined;
  }

  private add(map: Map<string, number>, key: string, n: number) {
    map.set(key, (map.get(key) ?? 0) + n);
  }

  private give(user: string, instants: number[]) {
    this.points.set(user, [...(this.points.get(user) ?? []), ...instants].sort((a, b) => a - b));
  }

  private take(user: string, n: number) {
    const list = this.points.get(user) ?? [];
    this.points.set(user, list.slice(n));
    return list.slice(0, n);
  }

  private move(c: TransferCommand) {
    if (c.kind === 'EARN' || c.kind === 'AWARD') {
      this.add(this.posted, c.creditAccount, c.amount);
      this.add(this.hot, ISSUANCE, -c.amount);
      this.give(c.creditAccount, Array.from({ length: c.amount }, () => Date.parse(c.lotExpiresAt!)));
    } else if (c.kind === 'DEDUCT' || c.kind === 'REVERSAL') {
      this.add(this.posted, c.debitAccount, -c.amount);
      this.add(this.hot, REVERSALS, c.amount);
      this.take(c.debitAccount, c.amount);
      if (c.kind === 'REVERSAL') this.add(this.reversed, c.originalTransferId!, c.amount);
    } else if (c.kind === 'HOLD') {
      this.add(this.held, c.debitAccount, c.amount);
      const points = this.take(c.debitAccount, c.amount);
      this.holds.set(c.holdId!, { user: c.debitAccount, amount: c.amount, expiresAt: Date.parse(c.expiresAt!), state: 'PENDING', points });
    } else {
      const h = this.holds.get(c.holdId!)!;
      this.add(this.held, h.user, -h.amount);
      if (c.kind === 'POST') {
        this.add(this.posted, h.user, -c.amount);
        this.add(this.hot, MERCHANT, c.amount);
      }
      this.give(h.user, c.kind === 'POST' ? h.points.slice(c.amount) : h.points);
      h.state = c.kind === 'POST' ? 'POSTED' : 'VOIDED';
    }
  }
}

// ---- the system under test: the pure core plus an in-memory transfer store ----

const userSideOf = (c: TransferCommand) => (c.kind === 'EARN' || c.kind === 'AWARD' ? 'credit' : 'debit');

class Core {
  accounts = new Map<string, Account>();
  hot = new Map<string, Totals>();
  holds = new Map<string, Hold>();
  store = new Map<string, { payload: string; outcome: Outcome; amount: number }>();
  commits = new Map<string, number>();
  resolutions = new Map<string, number>();
  snapshot: LedgerSnapshot = emptySnapshot(new Date(T0).toISOString());

  reversed = new Map<string, number>();

  apply(c: TransferCommand, now: number): Outcome {
    const stored = this.store.get(c.transferId);
    if (stored) return stored.payload === payloadOf(c) ? stored.outcome : { status: 'REUSED' };
    const side = userSideOf(c);
    const userAccount = side === 'debit' ? c.debitAccount : c.creditAccount;
    const hotAccount = side === 'debit' ? c.creditAccount : c.debitAccount;
    const hold = c.kind === 'POST' || c.kind === 'VOID' ? this.holds.get(c.holdId!) : undefined;
    const d = decide(c, side, this.account(userAccount), hold, new Date(now));
    // As commitTransfer's reversal plan does, before the account's own rules.
    const refused = c.kind === 'REVERSAL' ? this.reversalProblem(c) : undefined;
    const outcome: Outcome = refused ? { status: 'FAILED', reason: refused } : d.ok ? { status: 'COMMITTED' } : { status: 'FAILED', reason: d.reason };
    this.store.set(c.transferId, { payload: payloadOf(c), outcome, amount: c.amount });
    if (!d.ok || refused) return outcome;
    if (c.kind === 'REVERSAL') this.reversed.set(c.originalTransferId!, (this.reversed.get(c.originalTransferId!) ?? 0) + c.amount);
    this.accounts.set(userAccount, d.account);
    // The projector's side, applied at once: as if it had drained after every command.
    const sides = effects(c.kind, c.amount, hold?.amount);
    this.hot.set(hotAccount, addTotals(this.hot.get(hotAccount) ?? ZERO, side === 'debit' ? sides.credit : sides.debit));
    this.commits.set(c.transferId, (this.commits.get(c.transferId) ?? 0) + 1);
    this.resolveHold(c, hold, now, d.holdLots);
    this.record(c, d.account, d.delta, now);
    return outcome;
  }

  account(id: string) {
    return this.accounts.get(id) ?? openAccount(id);
  }

  private reversalProblem(c: TransferCommand) {
    const original = this.store.get(c.originalTransferId!);
    if (original?.outcome.status !== 'COMMITTED') return 'NOT_REVERSIBLE';
    return (this.reversed.get(c.originalTransferId!) ?? 0) + c.amount > original.amount ? 'EXCEEDS_ORIGINAL' : undefined;
  }

  /** 一票否决 as the store sets it: the flag only, under a new version. */
  freeze(user: string, frozen: boolean) {
    const a = this.account(user);
    this.accounts.set(user, { ...a, frozen, version: a.version + 1 });
  }

  /** The lot sweeper: every lot due expires through an EXPIRE transfer named as the store names it. */
  sweep(now: number) {
    for (const a of [...this.accounts.values()]) {
      for (const lot of (a.lots ?? []).filter((l) => Date.parse(l.expiresAt) <= now)) {
        const seq = this.account(a.accountId).entrySeq + 1;
        const outcome = this.apply({
          transferId: `expire:${a.accountId}:${lot.expiresAt}:${seq}`, kind: 'EXPIRE', debitAccount: a.accountId, creditAccount: EXPIRED,
          amount: lot.points, memo: '', lotExpiresAt: lot.expiresAt,
        }, now);
        expect(outcome).toEqual({ status: 'COMMITTED' });
      }
    }
  }

  private resolveHold(c: TransferCommand, hold: Hold | undefined, now: number, lots?: Lot[]) {
    if (c.kind === 'HOLD') {
      this.holds.set(c.holdId!, {
        holdId: c.holdId!, redemptionId: c.holdId!, userAccount: c.debitAccount, merchantAccount: c.creditAccount,
        amount: c.amount, expiresAt: c.expiresAt!, state: 'PENDING', ...(lots ? { lots } : {}),
      });
    } else if (hold) {
      if (c.kind === 'POST') expect(now).toBeLessThan(Date.parse(hold.expiresAt));
      this.holds.set(hold.holdId, { ...hold, state: c.kind === 'POST' ? 'POSTED' : 'VOIDED' });
      this.resolutions.set(hold.holdId, (this.resolutions.get(hold.holdId) ?? 0) + 1);
    }
  }

  /** The rows commitTransfer would write, for the audit's checker. */
  private record(c: TransferCommand, account: Account, delta: Totals, now: number) {
    const at = new Date(now).toISOString();
    const { transferId, kind, debitAccount, creditAccount, amount, holdId } = c;
    this.snapshot.transfers.push({ transferId, kind, debitAccount, creditAccount, amount, status: 'COMMITTED', at, ...(holdId ? { holdId } : {}) });
    this.snapshot.entries.push({
      accountId: account.accountId, seq: account.entrySeq, transferId, kind, at,
      amount: delta.creditsPosted - delta.debitsPosted, heldDelta: delta.debitsPending, balanceAfter: available(account),
    });
    this.snapshot.outbox.push({ eventId: `evt-${transferId}`, envelope: { id: `evt-${transferId}`, type: 'TransferCommitted', version: 1, source: 'lianxin.ledger', occurredAt: at, actor: 'ledger', data: { transferId } } });
  }

  auditSnapshot(now: number): LedgerSnapshot {
    return {
      ...this.snapshot,
      takenAt: new Date(now).toISOString(),
      accounts: [...this.accounts.values()],
      shards: [...this.hot].map(([accountId, t]) => ({ accountId, shard: 0, ...t })),
      holds: [...this.holds.values()],
    };
  }
}

// ---- invariants, checked after every command ----

/** Every audit invariant (README) the core's state can show, as a list of violations. */
const violations = (core: Core, model: Model): string[] => {
  const found: string[] = [];
  const must = (ok: boolean, what: string) => { if (!ok) found.push(what); };
  const all = [...core.accounts.values(), ...core.hot.values()].reduce<Totals>(addTotals, ZERO);
  must(all.debitsPosted === all.creditsPosted && all.debitsPending === all.creditsPending, 'conservation');
  for (const user of USERS) {
    const a = core.accounts.get(user) ?? openAccount(user);
    must(available(a) >= 0, `${user} below zero`);
    const pending = [...core.holds.values()].filter((h) => h.userAccount === user && h.state === 'PENDING').reduce((n, h) => n + h.amount, 0);
    must(a.debitsPending === pending, `${user} held ≠ Σ pending holds`);
    must(a.creditsPosted - a.debitsPosted === (model.posted.get(user) ?? 0), `${user} posted differs from the model`);
    must(a.debitsPending === (model.held.get(user) ?? 0), `${user} held differs from the model`);
    must(totalOf(a.lots ?? []) === available(a), `${user} lots ≠ available`);
    must(JSON.stringify(a.lots ?? []) === JSON.stringify(model.lotsOf(user)), `${user} lots differ from the model`);
    must(Boolean(a.frozen) === model.frozen.has(user), `${user} frozen differs from the model`);
  }
  for (const id of [ISSUANCE, REVERSALS, MERCHANT, EXPIRED]) {
    const t = core.hot.get(id) ?? ZERO;
    must(t.creditsPosted - t.debitsPosted === (model.hot.get(id) ?? 0), `${id} differs from the model`);
  }
  for (const [id, h] of core.holds) must(model.holds.get(id)?.state === h.state, `hold ${id} differs from the model`);
  must(core.holds.size === model.holds.size, 'holds differ from the model');
  must([...core.resolutions.values()].every((n) => n === 1), 'a hold resolved twice');
  must([...core.commits.values()].every((n) => n === 1), 'two transfers with one id');
  return found;
};

/** The offline audit over what the core would have stored: every check must pass. */
const expectAuditPasses = (core: Core, now: number) => {
  expect(checkLedger(core.auditSnapshot(now)).checks.filter((c) => !c.ok)).toEqual([]);
};

const stateOf = (core: Core) => JSON.stringify([...core.accounts, ...core.hot, ...core.holds]);

/** Runs the steps on both sides; returns the outcomes so regressions can assert them. */
const run = (steps: Step[]) => {
  const core = new Core();
  const model = new Model();
  const script = new Script();
  let now = T0;
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    if (step.op === 'advance') now += step.ms;
    if (step.op === 'freeze') {
      core.freeze(USERS[step.user]!, step.frozen);
      if (step.frozen) model.frozen.add(USERS[step.user]!);
      else model.frozen.delete(USERS[step.user]!);
    }
    if (step.op === 'sweep') {
      core.sweep(now);
      model.sweep(now);
    }
    if (step.op === 'post' && step.atExpiry) now = Math.max(now, script.expiryOf(step.hold) ?? now);
    const cmd = script.concrete(step, now);
    const problems: string[] = [];
    if (cmd) {
      const before = stateOf(core);
      const replay = core.store.has(cmd.transferId);
      const outcome = core.apply(cmd, now);
      const expected = model.apply(cmd, now);
      if (JSON.stringify(outcome) !== JSON.stringify(expected)) problems.push(`${cmd.transferId}: ${JSON.stringify(outcome)}, model ${JSON.stringify(expected)}`);
      if ((replay || outcome.status !== 'COMMITTED') && stateOf(core) !== before) problems.push(`${cmd.transferId}: refused or replayed, yet the state changed`);
      outcomes.push(outcome);
    }
    problems.push(...violations(core, model));
    if (problems.length) expect(problems, `after ${JSON.stringify(step)}`).toEqual([]);
  }
  expectAuditPasses(core, now);
  return outcomes;
};

// ---- generators ----

const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 120 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -40, 0.5, 12.5, Number.MAX_SAFE_INTEGER + 2) },
);
const user = fc.integer({ min: 0, max: USERS.length - 1 });
/** Few distinct validities, so that lots merge into cohorts and expire within a run. */
const validity = fc.constantFrom(1_000, 150_000, 150_000, 600_000);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('earn' as const), user, amount, validity }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('award' as const), user, amount, validity }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deduct' as const), user, amount }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), of: fc.nat(20), amount }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('freeze' as const), user, frozen: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('sweep' as const) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('hold' as const), user, amount, ttl: fc.integer({ min: 1, max: 600_000 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('post' as const), hold: fc.nat(20), part: fc.constantFrom(1, 1, 0.5, 0.1, 1.5), atExpiry: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), hold: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('retry' as const), of: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retryOther' as const), of: fc.nat(40), by: fc.constantFrom(1, -1, 7) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 200_000 }) }) },
);

describe('ledger core against a reference model', () => {
  it('agrees with the model and keeps every invariant after every command', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }), (steps) => { run(steps); }), { numRuns: 300 });
  });

  it('never lets concurrent-looking holds on one wallet overdraw it', () => {
    const burst = fc.array(fc.record({ op: fc.constant('hold' as const), user: fc.constant(0), amount, ttl: fc.constant(60_000) }), { minLength: 1, maxLength: 15 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), burst, (earned, holds) => {
      run([{ op: 'earn', user: 0, amount: Math.max(1, earned) }, ...holds]);
    }), { numRuns: 200 });
  });
});

/** What each command answered: COMMITTED, REUSED or the failure reason. */
const verdicts = (steps: Step[]) => run(steps).map((o) => (o.status === 'FAILED' ? o.reason : o.status));

const regressions: Array<[string, Step[], string[]]> = [
  ['refuses a capture exactly at the hold expiry, then releases the hold', [
    { op: 'earn', user: 0, amount: 50 },
    { op: 'hold', user: 0, amount: 30, ttl: 1000 },
    { op: 'post', hold: 0, part: 1, atExpiry: true },
    { op: 'void', hold: 0 },
    { op: 'post', hold: 0, part: 1, atExpiry: false },
  ], ['COMMITTED', 'COMMITTED', 'HOLD_EXPIRED', 'COMMITTED', 'HOLD_EXPIRED']],
  ['a partial capture releases the rest of the hold', [
    { op: 'earn', user: 1, amount: 100 },
    { op: 'hold', user: 1, amount: 60, ttl: 60_000 },
    { op: 'post', hold: 0, part: 0.5, atExpiry: false },
    { op: 'void', hold: 0 },
  ], ['COMMITTED', 'COMMITTED', 'COMMITTED', 'HOLD_NOT_PENDING']],
  // Shrunk by fast-check from a seeded bug (the model released only the captured part).
  ['a capture of 1 point out of a 2-point hold frees the whole hold', [
    { op: 'earn', user: 0, amount: 2 },
    { op: 'hold', user: 0, amount: 2, ttl: 1 },
    { op: 'post', hold: 0, part: 0.1, atExpiry: false },
    { op: 'earn', user: 0, amount: 1 },
  ], ['COMMITTED', 'COMMITTED', 'COMMITTED', 'COMMITTED']],
  // Shrunk by fast-check from a seeded bug (debits took the newest lot first).
  ['a hold takes the oldest lot first', [
    { op: 'award', user: 0, amount: 1, validity: 150_000 },
    { op: 'earn', user: 0, amount: 1, validity: 1000 },
    { op: 'hold', user: 0, amount: 1, ttl: 1 },
    { op: 'freeze', user: 0, frozen: false },
  ], ['COMMITTED', 'COMMITTED', 'COMMITTED']],
  ['points a void gives back after their lot expired expire at the next sweep', [
    { op: 'earn', user: 1, amount: 10, validity: 1000 },
    { op: 'earn', user: 1, amount: 5 },
    { op: 'hold', user: 1, amount: 12, ttl: 600_000 },
    { op: 'advance', ms: 5000 },
    { op: 'sweep' },
    { op: 'void', hold: 0 },
    { op: 'sweep' },
    { op: 'deduct', user: 1, amount: 6 },
    { op: 'deduct', user: 1, amount: 5 },
  ], ['COMMITTED', 'COMMITTED', 'COMMITTED', 'COMMITTED', 'INSUFFICIENT_POINTS', 'COMMITTED']],
  ['a frozen wallet earns nothing, yet its lots still expire', [
    { op: 'earn', user: 2, amount: 8, validity: 1000 },
    { op: 'freeze', user: 2, frozen: true },
    { op: 'earn', user: 2, amount: 8 },
    { op: 'advance', ms: 2000 },
    { op: 'sweep' },
    { op: 'deduct', user: 2, amount: 1 },
  ], ['COMMITTED', 'ACCOUNT_FROZEN', 'INSUFFICIENT_POINTS']],
  ['a reversal never exceeds its original, however split', [
    { op: 'earn', user: 0, amount: 10 },
    { op: 'reverse', of: 0, amount: 6 },
    { op: 'reverse', of: 0, amount: 5 },
    { op: 'reverse', of: 0, amount: 4 },
  ], ['COMMITTED', 'COMMITTED', 'EXCEEDS_ORIGINAL', 'COMMITTED']],
];

describe('regressions and edge cases', () => {
  it.each(regressions)('%s', (_name, steps, expected) => {
    expect(verdicts(steps)).toEqual(expected);
  });

  it('replays a failure with the same reason and refuses the same id with another amount', () => {
    const outcomes = run([
      { op: 'hold', user: 2, amount: 10, ttl: 60_000 },
      { op: 'earn', user: 2, amount: 10 },
      { op: 'retry', of: 0 },
      { op: 'retryOther', of: 0, by: -1 },
      { op: 'retryOther', of: 1, by: 1 },
    ]);
    expect(outcomes).toEqual([
      { status: 'FAILED', reason: 'INSUFFICIENT_POINTS' }, { status: 'COMMITTED' },
      { status: 'FAILED', reason: 'INSUFFICIENT_POINTS' }, { status: 'REUSED' }, { status: 'REUSED' },
    ]);
  });

  it('refuses zero, negative, fractional and unsafe amounts without a trace', () => {
    const outcomes = run([0, -3, 2.5, Number.MAX_SAFE_INTEGER + 2].map((a) => ({ op: 'earn' as const, user: 0, amount: a })));
    expect(outcomes.every((o) => o.status === 'FAILED' && o.reason === 'INVALID_AMOUNT')).toBe(true);
  });
});
