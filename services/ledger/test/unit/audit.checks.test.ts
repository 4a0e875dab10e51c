import { describe, expect, it } from 'vitest';
import { openAccount } from '../../src/domain/accounts';
import { checkLedger } from '../../src/domain/audit/report';
import type { LedgerSnapshot, TransferRow } from '../../src/domain/audit/snapshot';

const T = '2030-01-01T00:00:00.000Z';
const LATER = '2030-01-01T00:10:00.000Z';

const transfer = (transferId: string, kind: string, debitAccount: string, creditAccount: string, amount: number, holdId?: string): TransferRow => ({
  transferId, kind, debitAccount, creditAccount, amount, status: 'COMMITTED', at: T, ...(holdId ? { holdId } : {}),
});

const committedEvent = (transferId: string) => ({
  eventId: `evt-${transferId}`,
  envelope: { id: `evt-${transferId}`, type: 'TransferCommitted', version: 1, source: 'lianxin.ledger', occurredAt: T, actor: 'ledger', data: { transferId } },
});

/**
 * A correct, drained ledger: user a earned 100 and holds 30 for merchant m; user b earned
 * 50 and spent 20 there (hold posted); a third redemption was refused.
 */
const healthy = (): LedgerSnapshot => {
  const transfers = [
    transfer('earn:1', 'EARN', 'sys:issuance', 'user:a', 100),
    transfer('earn:2', 'EARN', 'sys:issuance', 'user:b', 50),
    transfer('redeem:r1', 'HOLD', 'user:a', 'merchant:m', 30, 'redeem:r1'),
    transfer('redeem:r2', 'HOLD', 'user:b', 'merchant:m', 20, 'redeem:r2'),
    transfer('redeem:r2:post', 'POST', 'user:b', 'merchant:m', 20, 'redeem:r2'),
  ];
  return {
    takenAt: LATER,
    accounts: [
      { ...openAccount('user:a'), creditsPosted: 100, debitsPending: 30, version: 2, entrySeq: 2, earned: 100 },
      { ...openAccount('user:b'), creditsPosted: 50, debitsPosted: 20, version: 3, entrySeq: 3, earned: 50 },
    ],
    shards: [
      { accountId: 'sys:issuance', shard: 0, debitsPosted: 100, creditsPosted: 0, debitsPending: 0, creditsPending: 0 },
      { accountId: 'sys:issuance', shard: 3, debitsPosted: 50 },
      { accountId: 'merchant:m', shard: 1, creditsPending: 30 },
      { accountId: 'merchant:m', shard: 2, creditsPending: 20 },
      { accountId: 'merchant:m', shard: 5, creditsPending: -20, creditsPosted: 20 },
    ],
    transfers: [...transfers, { ...transfer('redeem:r3', 'HOLD', 'user:a', 'merchant:m', 500, 'redeem:r3'), status: 'FAILED', failureReason: 'INSUFFICIENT_POINTS' }],
    entries: [
      { accountId: 'user:a', seq: 1, transferId: 'earn:1', kind: 'EARN', amount: 100, heldDelta: 0, balanceAfter: 100, at: T },
      { accountId: 'user:a', seq: 2, transferId: 'redeem:r1', kind: 'HOLD', amount: 0, heldDelta: 30, balanceAfter: 70, at: T },
      { accountId: 'user:b', seq: 1, transferId: 'earn:2', kind: 'EARN', amount: 50, heldDelta: 0, balanceAfter: 50, at: T },
      { accountId: 'user:b', seq: 2, transferId: 'redeem:r2', kind: 'HOLD', amount: 0, heldDelta: 20, balanceAfter: 30, at: T },
      { accountId: 'user:b', seq: 3, transferId: 'redeem:r2:post', kind: 'POST', amount: -20, heldDelta: -20, balanceAfter: 30, at: T },
    ],
    holds: [
      { holdId: 'redeem:r1', userAccount: 'user:a', merchantAccount: 'merchant:m', amount: 30, expiresAt: LATER, state: 'PENDING' },
      { holdId: 'redeem:r2', userAccount: 'user:b', merchantAccount: 'merchant:m', amount: 20, expiresAt: LATER, state: 'POSTED' },
    ],
    outbox: [...transfers.map((t) => committedEvent(t.transferId)), { eventId: 'evt-other', envelope: { ...committedEvent('x').envelope, type: 'HoldPlaced' } }],
  };
};

const failing = (s: LedgerSnapshot) => checkLedger(s).checks.filter((c) => !c.ok).map((c) => c.name);

describe('checkLedger on hand-made snapshots', () => {
  it('passes a correct ledger, one result per invariant', () => {
    const report = checkLedger(healthy());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual([
      'conservation', 'hot-accounts-projected', 'entries-gapless-and-replay', 'no-negative-wallet',
      'entries-match-committed-transfers', 'pending-holds-match', 'holds-resolve-once', 'no-capture-after-expiry',
      'one-event-per-committed-transfer', 'amounts-are-safe-integers', 'lots-match-balances',
    ]);
    expect(report.checks.filter((c) => c.needsDrainedProjector).map((c) => c.name)).toEqual(['conservation', 'hot-accounts-projected']);
  });

  it('flags a gap in an account\'s entries', () => {
    const s = healthy();
    s.entries = s.entries.filter((e) => !(e.accountId === 'user:b' && e.seq === 2));
    // The lost line was also the hold's only entry.
    expect(failing(s)).toEqual(['entries-gapless-and-replay', 'entries-match-committed-transfers']);
    expect(checkLedger(s).checks.find((c) => c.name === 'entries-gapless-and-replay')!.details).toContain('user:b: entries [1,3], expected 1..3');
  });

  it('flags entries that do not replay to the stored totals', () => {
    const s = healthy();
    s.accounts[0] = { ...s.accounts[0]!, creditsPosted: 90, debitsPending: 20 };
    s.shards[0] = { ...s.shards[0]!, debitsPosted: 90 };
    s.shards[2] = { ...s.shards[2]!, creditsPending: 20 };
    expect(failing(s)).toEqual(expect.arrayContaining(['entries-gapless-and-replay']));
  });

  it('flags a negative wallet', () => {
    const s = healthy();
    s.transfers.push(transfer('deduct:1', 'DEDUCT', 'user:b', 'sys:reversals', 40));
    s.entries.push({ accountId: 'user:b', seq: 4, transferId: 'deduct:1', kind: 'DEDUCT', amount: -40, heldDelta: 0, balanceAfter: -10, at: T });
    s.accounts[1] = { ...s.accounts[1]!, debitsPosted: 60, entrySeq: 4 };
    s.shards.push({ accountId: 'sys:reversals', shard: 0, creditsPosted: 40 });
    s.outbox.push(committedEvent('deduct:1'));
    expect(failing(s)).toEqual(['no-negative-wallet']);
  });

  it('flags held points that differ from the pending holds', () => {
    const s = healthy();
    s.holds[0] = { ...s.holds[0]!, amount: 25 };
    expect(failing(s)).toEqual(['pending-holds-match']);
  });

  it('flags an entry whose transfer is missing or not committed', () => {
    const missing = healthy();
    missing.transfers = missing.transfers.filter((t) => t.transferId !== 'earn:2');
    missing.outbox = missing.outbox.filter((e) => e.eventId !== 'evt-earn:2');
    missing.shards = missing.shards.filter((sh) => !(sh.accountId === 'sys:issuance' && sh.shard === 3));
    expect(failing(missing)).toEqual(expect.arrayContaining(['entries-match-committed-transfers']));
    expect(checkLedger(missing).checks.find((c) => c.name === 'entries-match-committed-transfers')!.details).toContain('transfer earn:2 missing');

    const failed = healthy();
    failed.transfers[1] = { ...failed.transfers[1]!, status: 'FAILED' };
    expect(failing(failed)).toEqual(expect.arrayContaining(['entries-match-committed-transfers']));
  });

  it('flags a capture at the hold expiry', () => {
    const s = healthy();
    s.transfers[4] = { ...s.transfers[4]!, at: LATER };
    expect(failing(s)).toEqual(['no-capture-after-expiry']);
  });

  it('flags a hold resolved twice, or resolved but still pending', () => {
    const twice = healthy();
    twice.transfers.push(transfer('redeem:r2:void', 'VOID', 'user:b', 'merchant:m', 20, 'redeem:r2'));
    expect(failing(twice)).toEqual(expect.arrayContaining(['holds-resolve-once']));
    const pending = healthy();
    pending.holds[1] = { ...pending.holds[1]!, state: 'PENDING' };
    expect(failing(pending)).toEqual(expect.arrayContaining(['holds-resolve-once']));
  });

  it('flags a missing or duplicated TransferCommitted event, and an event without its transfer', () => {
    const dup = healthy();
    dup.outbox.push({ ...committedEvent('earn:1'), eventId: 'evt-again' });
    expect(failing(dup)).toEqual(['one-event-per-committed-transfer']);
    const lost = healthy();
    lost.outbox = lost.outbox.filter((e) => e.eventId !== 'evt-earn:1');
    expect(failing(lost)).toEqual(['one-event-per-committed-transfer']);
    const orphan = healthy();
    orphan.outbox.push(committedEvent('earn:ghost'));
    expect(failing(orphan)).toEqual(['one-event-per-committed-transfer']);
  });

  it('skips, with a note, transfers older than the outbox retention', () => {
    const s = healthy();
    s.takenAt = '2030-02-01T00:00:00.000Z';
    s.holds = s.holds.map((h) => ({ ...h, expiresAt: '2030-03-01T00:00:00.000Z' }));
    s.outbox = [];
    const check = checkLedger(s).checks.find((c) => c.name === 'one-event-per-committed-transfer')!;
    expect(check).toMatchObject({ ok: true });
    expect(check.details).toContain('5 transfer(s) older than the outbox retention skipped');
  });

  it('flags conservation and projection while the projector lags', () => {
    const s = healthy();
    s.shards = s.shards.filter((sh) => sh.shard !== 5);
    expect(failing(s)).toEqual(['conservation', 'hot-accounts-projected']);
    expect(checkLedger(s).checks.find((c) => c.name === 'hot-accounts-projected')!.details).toContain('merchant:m');
  });

  it('flags lots that do not add up to the available balance or to a pending hold', () => {
    const s = healthy();
    const wallet = s.accounts.find((a) => a.accountId.startsWith('user:'))!;
    const spendable = wallet.creditsPosted - wallet.debitsPosted - wallet.debitsPending;
    wallet.lots = [{ expiresAt: '2031-01-01T00:00:00.000Z', points: spendable }];
    expect(failing(s)).toEqual([]);
    wallet.lots = [{ expiresAt: '2031-01-01T00:00:00.000Z', points: spendable + 1 }];
    expect(failing(s)).toEqual(['lots-match-balances']);
    wallet.lots = [{ expiresAt: '2031-01-01T00:00:00.000Z', points: spendable }];
    const pending = s.holds.find((h) => h.state === 'PENDING')!;
    pending.lots = [{ expiresAt: '2031-01-01T00:00:00.000Z', points: pending.amount - 1 }];
    expect(failing(s)).toEqual(['lots-match-balances']);
  });

  it('flags non-integer amounts and unknown kinds', () => {
    const fractional = healthy();
    fractional.holds[0] = { ...fractional.holds[0]!, amount: 30.5 };
    expect(failing(fractional)).toEqual(expect.arrayContaining(['amounts-are-safe-integers']));
    const unknown = healthy();
    unknown.transfers.push({ ...transfer('mystery:1', 'TELEPORT', 'sys:issuance', 'merchant:m', 1) });
    unknown.outbox.push(committedEvent('mystery:1'));
    expect(checkLedger(unknown).checks.find((c) => c.name === 'hot-accounts-projected')!.details).toContain('unknown kind TELEPORT');
  });
});
