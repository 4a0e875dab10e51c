/**
 * Shared helpers of the ledger's fault, history and delivery suites: a private ledger table
 * (the audit reads "the whole table"), bus-like delivery with redelivery, the projector
 * drain, the audit, a naive replay of committed transfers, a seeded random source and a
 * bounded-concurrency runner. Only public entry points of the ledger are called.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { vi } from 'vitest';
import { AppError } from '@lianxin/shared/errors';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { tableDefinitions } from '../../../../infra/src/local/tables';
import { readLedgerSnapshot } from '../../src/store/snapshot';
import { checkLedger } from '../../src/domain/audit/report';
import type { LedgerSnapshot, TransferRow } from '../../src/domain/audit/snapshot';
import type { ledgerEvents } from '../../src/events/consumer';
import { projector } from '../../src/events/projector';
import { createApp } from '../../src/http/app';
import { deliver } from './support';

const app = createApp();

export type Handler = typeof ledgerEvents;

/**
 * Point the ledger at a brand-new table with the shared table's definition. The audit and
 * the replay read the whole table, and the test DynamoDB Local is shared by every test
 * file: a table of our own makes "the whole table" exactly what this suite wrote (and the
 * earning policy the default one). The store reads the table name per request.
 * Returns a function that points the ledger back at the shared table.
 */
export const useFreshLedgerTable = async (label: string): Promise<() => void> => {
  const shared = process.env.LEDGER_TABLE!;
  const ledger = (await tableDefinitions()).find((t) => t.TableName === shared);
  if (!ledger) throw new Error(`No definition for ${shared}`);
  const { TimeToLiveSpecification: _ttl, PointInTimeRecoverySpecification: _pitr, StreamSpecification: _s, ...definition } = ledger;
  const name = `${shared}-${label}-${newId('t').toLowerCase()}`;
  await new DynamoDBClient({}).send(new CreateTableCommand({ ...definition, TableName: name }));
  process.env.LEDGER_TABLE = name;
  return () => {
    process.env.LEDGER_TABLE = shared;
  };
};

/** One delivery as EventBridge makes it (support.ts's helper, re-exported so the suites import one module). */
export { deliver };

/**
 * Deliver like the bus: a delivery that throws is redelivered (same envelope) until it
 * is consumed. Returns how many deliveries threw first, so a test can show the fault bit.
 */
export const deliverUntilConsumed = async (handler: Handler, e: Envelope, maxDeliveries = 20): Promise<number> => {
  for (let failures = 0; ; failures++) {
    try {
      await deliver(handler, e);
      return failures;
    } catch (error) {
      if (failures + 1 >= maxDeliveries) throw error;
    }
  }
};

/** Run `fn` over `items` with at most `concurrency` in flight; results in input order. */
export const pool = async <T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
};

export const committedEvents = (s: LedgerSnapshot): Envelope[] =>
  s.outbox.map((o) => o.envelope).filter((e) => e.type === 'TransferCommitted').sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The projector catches up: every TransferCommitted in the outbox is delivered (redelivered
 * when it throws). Events it already applied are duplicates and change nothing.
 */
export const drainProjector = async (concurrency = 8) => {
  await pool(committedEvents(await readLedgerSnapshot()), concurrency, (e) => deliverUntilConsumed(projector, e));
};

/** The names and details of the audit checks that fail over the whole (private) table. */
export const auditFailures = async (snapshot?: LedgerSnapshot) =>
  checkLedger(snapshot ?? (await readLedgerSnapshot())).checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.details}`);

/**
 * What a consumer answered for each envelope id. The handler resolves to nothing; its
 * answer (COMMITTED / FAILED with the reason, replayed or not) is in the structured
 * "event consumed" info log line, which this captures (and keeps off the test output).
 * A logger takes its level when created, at import: a suite that captures raises
 * LOG_LEVEL to info before it imports the ledger (`vi.hoisted`).
 */
export const captureConsumerOutcomes = () => {
  const outcomes = new Map<string, unknown>();
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
    const line = String(chunk);
    if (!line.includes('"event consumed"')) return write(chunk as string, ...rest);
    const record = JSON.parse(line) as { eventId: string; outcome: unknown };
    outcomes.set(record.eventId, record.outcome);
    return true;
  }) as typeof process.stdout.write);
  return {
    outcomes,
    stop: () => spy.mockRestore(),
  };
};

/**
 * Keep the error logs of injected faults (the HTTP app logs each 500 it answers) off the
 * test output; anything else still goes through. Returns the function that stops filtering.
 */
export const quietInjectedErrors = () => {
  const write = process.stderr.write.bind(process.stderr);
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) =>
    String(chunk).includes('injected') ? true : write(chunk as string, ...rest)) as typeof process.stderr.write);
  return () => spy.mockRestore();
};

/** A business refusal (an AppError the caller can act on), as opposed to a crash or timeout. */
export const isBusinessError = (error: unknown) => error instanceof AppError || (error as { name?: string })?.name === 'AppError';

export interface Totals { debitsPosted: number; creditsPosted: number; debitsPending: number; creditsPending: number }

const ZERO: Totals = { debitsPosted: 0, creditsPosted: 0, debitsPending: 0, creditsPending: 0 };
const plus = (a: Totals, b: Partial<Totals>): Totals => ({
  debitsPosted: a.debitsPosted + (b.debitsPosted ?? 0),
  creditsPosted: a.creditsPosted + (b.creditsPosted ?? 0),
  debitsPending: a.debitsPending + (b.debitsPending ?? 0),
  creditsPending: a.creditsPending + (b.creditsPending ?? 0),
});

/**
 * A naive reference, written here and not taken from the domain: what one committed
 * transfer does to its debit and its credit side. POST and VOID release the whole hold.
 */
const naiveSides = (t: TransferRow, holdAmount: number | undefined): [Partial<Totals>, Partial<Totals>] => {
  const held = holdAmount ?? t.amount;
  switch (t.kind) {
    case 'HOLD':
      return [{ debitsPending: t.amount }, { creditsPending: t.amount }];
    case 'POST':
      return [{ debitsPending: -held, debitsPosted: t.amount }, { creditsPending: -held, creditsPosted: t.amount }];
    case 'VOID':
      return [{ debitsPending: -held }, { creditsPending: -held }];
    default:
      return [{ debitsPosted: t.amount }, { creditsPosted: t.amount }];
  }
};

/**
 * Every account's totals replayed from the committed transfers. A user account's are
 * replayed in its entry order (each entry names its transfer); hot accounts (no entries)
 * from all their committed transfers. Returns the totals by account id.
 */
export const replayTotals = (s: LedgerSnapshot): Map<string, Totals> => {
  const transfers = new Map(s.transfers.filter((t) => t.status === 'COMMITTED').map((t) => [t.transferId, t]));
  const holds = new Map(s.holds.map((h) => [h.holdId, h.amount]));
  const totals = new Map<string, Totals>();
  const apply = (accountId: string, t: TransferRow) => {
    const [debit, credit] = naiveSides(t, t.kind === 'HOLD' || !t.holdId ? undefined : holds.get(t.holdId));
    if (t.debitAccount === accountId) totals.set(accountId, plus(totals.get(accountId) ?? ZERO, debit));
    if (t.creditAccount === accountId) totals.set(accountId, plus(totals.get(accountId) ?? ZERO, credit));
  };
  const users = new Set(s.accounts.map((a) => a.accountId));
  for (const e of [...s.entries].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.seq - b.seq)) {
    const t = transfers.get(e.transferId);
    if (t) apply(e.accountId, t);
  }
  for (const t of transfers.values()) {
    for (const accountId of new Set([t.debitAccount, t.creditAccount])) if (!users.has(accountId)) apply(accountId, t);
  }
  return totals;
};

/** Stored totals: user accounts as stored, hot accounts as the sum of their shards. */
export const storedTotals = (s: LedgerSnapshot): Map<string, Totals> => {
  const totals = new Map<string, Totals>(s.accounts.map((a) => [a.accountId, plus(ZERO, a)]));
  for (const shard of s.shards) totals.set(shard.accountId, plus(totals.get(shard.accountId) ?? ZERO, shard));
  return totals;
};

/** Spendable points of a user account: posted credits − posted debits − pending debits. */
export const spendable = (t: Totals | undefined) => (t ? t.creditsPosted - t.debitsPosted - t.debitsPending : 0);

/** mulberry32: a tiny deterministic generator, so a failing seed can be replayed exactly. */
export const seeded = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, chance, shuffle };
};

export type Random = ReturnType<typeof seeded>;

/** How many times each value occurs (duplicates stand out as counts above one). */
export const counts = <T>(values: readonly T[]) => {
  const map = new Map<T, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return map;
};

/** The one admin every suite adjusts points as (the adjustments route derives ids from them and the key). */
const admin = person({ roles: ['admin'] });

/** POST /ledger/adjustments through the real HTTP app, as an admin, with an Idempotency-Key. */
export const postAdjustment = (idempotencyKey: string, body: Record<string, unknown>) =>
  caller(app, admin)('POST', '/ledger/adjustments', { body, idempotencyKey });

/** 一票否决 through the HTTP app, as an admin: `freeze` or `unfreeze` a volunteer's wallet. */
export const postFreeze = (volunteerId: string, action: 'freeze' | 'unfreeze', reason: string) =>
  caller(app, admin)('POST', `/ledger/accounts/user:${volunteerId}/${action}`, { body: { reason } });

/** Like a client: an answer of 5xx (a crash or timeout inside) is retried with the same key. */
export const adjustUntilAnswered = async (idempotencyKey: string, body: Record<string, unknown>, maxTries = 20) => {
  for (let tries = 1; ; tries++) {
    const res = await postAdjustment(idempotencyKey, body).catch((error: unknown) => ({ status: 599, body: { error: String(error) } }));
    // 409 REQUEST_IN_PROGRESS: our own earlier try still holds the key; wait and ask again.
    const inProgress = res.status === 409 && (res.body as { error?: { code?: string } })?.error?.code === 'REQUEST_IN_PROGRESS';
    if ((res.status < 500 && !inProgress) || tries >= maxTries) return { ...res, repeats: tries - 1 };
    await new Promise((r) => setTimeout(r, 50));
  }
};
