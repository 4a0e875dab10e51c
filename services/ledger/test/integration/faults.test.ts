/**
 * The ledger under injected DynamoDB faults (README, "How it is tested"): answers lost
 * after a commit, synthetic TransactionConflict cancellations, throttling. Whatever is
 * retried (by the SDK, by commitTransfer, by the bus redelivering, by a client resending
 * with its Idempotency-Key), no point is lost or doubled, each transfer exists once, and
 * every audit check passes once the projector has drained.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { documentClient } from '@lianxin/shared/db/client';
import { newId } from '@lianxin/shared/ids';
import { readLedgerSnapshot } from '../../src/store/snapshot';
import { ledgerEvents } from '../../src/events/consumer';
import { table } from '../../src/store/table';
import { commitTransfer } from '../../src/app/commitTransfer';
import { loseResponseAfterCommit, removeFaults, throttle, transactionConflicts } from '../support/faults';
import {
  adjustUntilAnswered, auditFailures, postAdjustment, quietInjectedErrors, counts, deliverUntilConsumed, drainProjector, pool, seeded, storedTotals, useFreshLedgerTable,
} from '../support/harness';
import { hoursVerified, requested } from '../support/support';

let restoreTable: () => void;
let loud: () => void;
beforeAll(async () => {
  restoreTable = await useFreshLedgerTable('faults');
  loud = quietInjectedErrors();
});
afterAll(() => {
  restoreTable();
  loud();
});
afterEach(() => removeFaults());

/**
 * One volunteer's whole life in the ledger, each step through its public entry point and
 * each retried the way its caller would: earn 80, hold 30 and capture it, hold 20 and let
 * it expire, an admin award of 15 and a deduction of 5. Final: 60 spendable, nothing held;
 * the shop received 30. Returns how many deliveries or requests had to be repeated.
 */
const story = async () => {
  const volunteerId = newId('u');
  const merchantId = newId('m');
  let repeats = 0;
  const step = async (e: Parameters<typeof deliverUntilConsumed>[1]) => {
    repeats += await deliverUntilConsumed(ledgerEvents, e);
  };
  await step(hoursVerified(volunteerId, 80));
  const captured = requested(volunteerId, merchantId, 30);
  const expired = requested(volunteerId, merchantId, 20);
  await step(captured);
  await step(expired);
  await step(events.RedemptionConfirmedV1.make({ redemptionId: captured.data.redemptionId, merchantId, confirmedBy: 'shop' }, 'redemption'));
  await step(events.RedemptionExpiredV1.make({ redemptionId: expired.data.redemptionId }, 'redemption'));
  for (const [key, body] of [
    [newId('k'), { kind: 'AWARD', userId: volunteerId, amount: 15, reason: 'award under faults' }],
    [newId('k'), { kind: 'DEDUCT', userId: volunteerId, amount: 5, reason: 'deduction under faults' }],
  ] as const) {
    const res = await adjustUntilAnswered(key, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    repeats += res.repeats;
  }
  return { volunteerId, merchantId, redemptions: [captured.data.redemptionId, expired.data.redemptionId], repeats };
};

type Story = Awaited<ReturnType<typeof story>>;

/**
 * After a scenario: the projector drains (still under the fault, then without it), and
 * the table is checked against what each story must have produced, exactly once.
 */
const expectExactlyOnce = async (stories: Story[]) => {
  await drainProjector();
  removeFaults();
  await drainProjector();
  const snapshot = await readLedgerSnapshot();
  expect(await auditFailures(snapshot)).toEqual([]);
  const totals = storedTotals(snapshot);
  for (const { volunteerId, merchantId, redemptions } of stories) {
    const wallet = `user:${volunteerId}`;
    expect(totals.get(wallet)).toEqual({ creditsPosted: 95, debitsPosted: 35, debitsPending: 0, creditsPending: 0 });
    expect(totals.get(`merchant:${merchantId}`)).toEqual({ creditsPosted: 30, debitsPosted: 0, debitsPending: 0, creditsPending: 0 });
    const mine = snapshot.transfers.filter((t) => t.debitAccount === wallet || t.creditAccount === wallet);
    expect(mine.map((t) => `${t.kind} ${t.status} ${t.amount}`).sort()).toEqual(
      ['AWARD COMMITTED 15', 'DEDUCT COMMITTED 5', 'EARN COMMITTED 80', 'HOLD COMMITTED 20', 'HOLD COMMITTED 30', 'POST COMMITTED 30', 'VOID COMMITTED 20'],
    );
    expect(snapshot.entries.filter((e) => e.accountId === wallet).map((e) => e.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Follow-up events too: one HoldPlaced, HoldPosted, HoldVoided per redemption, whatever was retried.
    const followUps = snapshot.outbox.map((o) => o.envelope).filter((e) => redemptions.includes((e.data as { redemptionId?: string }).redemptionId ?? ''));
    expect([...counts(followUps.map((e) => e.type)).entries()].sort()).toEqual([['HoldPlaced', 2], ['HoldPosted', 1], ['HoldVoided', 1]]);
  }
  // Transfers are keyed by id, so "exists once" is about what hangs off them: one event each.
  const events = counts(snapshot.outbox.filter((o) => o.envelope.type === 'TransferCommitted').map((o) => (o.envelope.data as { transferId: string }).transferId));
  expect([...events.values()].every((n) => n === 1)).toBe(true);
};

const stories = (n: number) => pool(Array.from({ length: n }), n, () => story());

describe('ledger under injected DynamoDB faults', () => {
  it('injects into the very client the ledger table writes through', () => {
    // Otherwise every scenario below would pass without a single fault reaching the ledger.
    expect(table.getDocumentClient()).toBe(documentClient());
  });

  it('an answer lost after commit, above the SDK retry: the redelivered event and the resent request replay, nothing doubles', async () => {
    const fault = loseResponseAfterCommit({ aboveSdkRetry: true });
    const done = await stories(3);
    // Every commit lost its answer, so every step was repeated at least once.
    expect(done.every((s) => s.repeats >= 7)).toBe(true);
    await expectExactlyOnce(done);
    expect(fault.injected).toBeGreaterThanOrEqual(3 * 7);
  }, 60_000);

  it('an answer lost after commit, below the SDK retry: the SDK resends the same transaction and the ledger still commits once', async () => {
    const rnd = seeded(7);
    const fault = loseResponseAfterCommit({ aboveSdkRetry: false, when: () => rnd.chance(0.5) });
    const done = await stories(3);
    await expectExactlyOnce(done);
    expect(fault.injected).toBeGreaterThan(5);
  }, 60_000);

  it.each([1, 3, 7])('commitTransfer retries %i synthetic TransactionConflict cancellations and commits exactly once', async (n) => {
    const fault = transactionConflicts((i) => i < n);
    const wallet = `user:${newId('u')}`;
    const cmd = { transferId: `test:${newId('tr')}`, kind: 'AWARD' as const, debitAccount: 'sys:issuance', creditAccount: wallet, amount: 12, memo: 'conflicts' };
    const outcome = await commitTransfer(cmd, 'credit', () => []);
    expect(outcome).toEqual({ status: 'COMMITTED', transferId: cmd.transferId, replayed: false });
    // n cancelled attempts, then the one that wrote: commitTransfer retried, not the SDK.
    expect([fault.injected, fault.calls]).toEqual([n, n + 1]);
    expect(await commitTransfer(cmd, 'credit', () => [])).toEqual({ status: 'COMMITTED', transferId: cmd.transferId, replayed: true });
    removeFaults();
    await drainProjector();
    const snapshot = await readLedgerSnapshot();
    expect(storedTotals(snapshot).get(wallet)?.creditsPosted).toBe(12);
    expect(snapshot.entries.filter((e) => e.transferId === cmd.transferId)).toHaveLength(1);
    expect(await auditFailures(snapshot)).toEqual([]);
  }, 30_000);

  it('conflicts beyond commitTransfer\'s attempts surface to the bus, and the redelivery commits once', async () => {
    const fault = transactionConflicts((i) => i < 8);
    const volunteerId = newId('u');
    const earn = hoursVerified(volunteerId, 40);
    expect(await deliverUntilConsumed(ledgerEvents, earn)).toBe(1);
    expect(fault.injected).toBe(8);
    await drainProjector();
    const snapshot = await readLedgerSnapshot();
    expect(storedTotals(snapshot).get(`user:${volunteerId}`)?.creditsPosted).toBe(40);
    expect(await auditFailures(snapshot)).toEqual([]);
  }, 30_000);

  it('random TransactionConflict cancellations under concurrency, projector included: every story exactly once', async () => {
    const rnd = seeded(11);
    const fault = transactionConflicts(() => rnd.chance(0.3));
    const done = await stories(4);
    await expectExactlyOnce(done);
    expect(fault.injected).toBeGreaterThan(10);
  }, 60_000);

  it('throttling on every ninth call of any kind, below the SDK retry: the SDK backs off and resends, the ledger commits once', async () => {
    // Both names DynamoDB throttles with; the SDK's standard strategy retries them with backoff (slow: ~0.5 s each).
    const fault = throttle({ aboveSdkRetry: false, commands: 'all', when: (n) => n % 9 === 2, error: 'ProvisionedThroughputExceededException' });
    const other = throttle({ aboveSdkRetry: false, commands: ['GetItem'], when: (n) => n % 13 === 3, error: 'ThrottlingException' });
    const done = await stories(3);
    await expectExactlyOnce(done);
    expect(fault.injected).toBeGreaterThan(10);
    expect(other.injected).toBeGreaterThan(3);
  }, 60_000);

  it('throttling the SDK gave up on (reads and transactions): the ledger or the redelivery retries, nothing doubles', async () => {
    const rnd = seeded(23);
    // The idempotency store (PutItem, DeleteItem) is left alone: see the report on a lost DONE record.
    const fault = throttle({ aboveSdkRetry: true, commands: ['GetItem', 'Query', 'TransactWriteItems'], when: () => rnd.chance(0.2), error: 'ProvisionedThroughputExceededException' });
    const done = await stories(3);
    await expectExactlyOnce(done);
    expect(fault.injected).toBeGreaterThan(10);
    expect(done.some((s) => s.repeats > 0)).toBe(true);
  }, 60_000);

  /**
   * Found by this suite. The Idempotency-Key lock is a conditional PutItem, which carries no
   * ClientRequestToken: when its answer is lost (a reset socket, or the 8 s request timeout
   * of shared/src/db/client.ts) the SDK resends it, the resend fails its own condition, and
   * the middleware reads its own lock as another request's. The request answers 409
   * REQUEST_IN_PROGRESS although nothing is running, nothing is awarded, and every retry
   * with the key gets the same 409 until the 30 s lock lapses. A client (or an admin)
   * trusting "in progress" loses the adjustment.
   */
  it('takes a resent Idempotency-Key lock for its own, not for another request (answer of the lock write lost)', async () => {
    const fault = loseResponseAfterCommit({ aboveSdkRetry: false, commands: ['PutItem'], when: (n) => n === 0 });
    const volunteerId = newId('u');
    const key = newId('k');
    const body = { kind: 'AWARD', userId: volunteerId, amount: 9, reason: 'lost answer to the key lock' };
    const first = await postAdjustment(key, body);
    expect(fault.injected).toBe(1);
    removeFaults();
    const retry = await postAdjustment(key, body);
    // Nothing else ever held the key: the request, or at worst its immediate retry, must go through.
    expect([first.status, retry.status], JSON.stringify([first.body, retry.body])).toContain(201);
  }, 30_000);
});
