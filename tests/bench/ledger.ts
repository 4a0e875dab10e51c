/**
 * Ledger benchmarks, run in-process against the DynamoDB Local the caller started (tables
 * created, LEDGER_TABLE and the local AWS variables set). The store is imported lazily:
 * its DynamoDB client must be created after that environment exists.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '@lianxin/shared/events/envelope';
import type { TransferCommand } from '../../services/ledger/src/domain/transfers';
import { type Metric, percentile, round, throughput } from './stats';

const CALLERS = 16;

const ledger = async () => ({
  ...(await import('../../services/ledger/src/app/commitTransfer')),
  ...(await import('../../services/ledger/src/store/accounts')),
  ...(await import('../../services/ledger/src/store/table')),
  ...(await import('../../services/ledger/src/domain/commands')),
  ...(await import('../../services/ledger/src/events/projector')),
  ...(await import('@lianxin/shared/db/client')),
  ...(await import('@lianxin/shared/testing')),
  ...(await import('dynamodb-toolbox')),
});

const earn = (userId: string, amount: number): TransferCommand => ({
  transferId: `earn:bench-${randomUUID()}`, kind: 'EARN', debitAccount: 'sys:issuance', creditAccount: `user:${userId}`, amount, memo: 'bench',
});

const latencyMetrics = (prefix: string, latencies: number[]): Metric[] =>
  [50, 99].map((p) => ({ name: `${prefix}_p${p}_ms`, value: round(percentile(latencies, p)), unit: 'ms', samples: latencies.length }));

/**
 * commitTransfer throughput: EARN transfers to distinct users from 16 concurrent callers,
 * against the raw two-item TransactWriteItems rate (each transfer is one transaction of
 * four items after two consistent reads).
 */
export const transferThroughput = async (rawBaseline: number, total = 2000): Promise<Metric[]> => {
  const { commitTransfer } = await ledger();
  const commit = () => commitTransfer(earn(randomUUID(), 10), 'credit', () => []);
  await throughput(CALLERS, 200, commit); // warm-up: the JIT of DynamoDB Local and of Node
  const { perSecond, latencies } = await throughput(CALLERS, total, commit);
  return [
    { name: 'ledger.transfers_per_s', value: round(perSecond), unit: 'transfers/s', baseline: rawBaseline, ratio: round(perSecond / rawBaseline, 3), callers: CALLERS, transfers: total },
    ...latencyMetrics('ledger.transfer', latencies),
  ];
};

/** Counts cancelled or conflicting transactions on the shared client while `run` runs. */
export const countingConflicts = async <T>(run: () => Promise<T>): Promise<{ result: T; conflicts: number }> => {
  const { documentClient } = await ledger();
  const stack = documentClient().middlewareStack;
  let conflicts = 0;
  const name = `benchConflicts-${randomUUID()}`;
  // Inside the SDK's retry loop, so a conflict the SDK retries by itself is counted too.
  stack.add((next) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (/TransactionCanceled|TransactionConflict/.test((error as Error).name)) conflicts++;
      throw error;
    }
  }, { step: 'finalizeRequest', priority: 'low', name });
  try {
    return { result: await run(), conflicts };
  } finally {
    stack.remove(name);
  }
};

/** The TransferCommitted events of the transfers that credit `accountId`, from the outbox. */
const committedTo = async (accountId: string): Promise<Envelope[]> => {
  const { table, outbox, ScanCommand } = await ledger();
  const { Items = [] } = await table.build(ScanCommand).entities(outbox).options({ consistent: true, maxPages: Infinity }).send();
  return Items.map((i) => i.envelope as Envelope<{ creditAccount?: string }>)
    .filter((e) => e.type === 'TransferCommitted' && e.data.creditAccount === accountId);
};

/**
 * One merchant, many buyers: 2,000 redemptions (HOLD then POST) from 16 concurrent callers.
 * The merchant never enters the synchronous transaction, so there must be no conflict
 * there; then the projector applies the merchant's side into its shards, and the users'
 * debits must equal the merchant's credits.
 */
export const hotMerchant = async (redemptions = 2000, points = 7): Promise<Metric[]> => {
  const { commitTransfer, holdCommand, resolveCommand, loadAccount, getAccount, projector, busEvent, lambdaContext } = await ledger();
  const merchantId = `bench-${randomUUID()}`;
  const users = Array.from({ length: redemptions }, () => `bench-${randomUUID()}`);
  await throughput(CALLERS, users.length, (i) => commitTransfer(earn(users[i]!, points), 'credit', () => []));

  const redeem = async (i: number) => {
    const cmd = holdCommand({
      redemptionId: `bench-${randomUUID()}`, volunteerId: users[i]!, merchantId, rewardId: 'bench', points,
      holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    const held = await commitTransfer(cmd, 'debit', () => []);
    if (held.status !== 'COMMITTED') throw new Error(`hold failed: ${JSON.stringify(held)}`);
    const hold = { holdId: cmd.holdId!, redemptionId: cmd.holdId!, userAccount: cmd.debitAccount, merchantAccount: cmd.creditAccount, amount: cmd.amount, expiresAt: cmd.expiresAt!, state: 'PENDING' as const };
    const posted = await commitTransfer(resolveCommand(hold, 'POST'), 'debit', () => []);
    if (posted.status !== 'COMMITTED') throw new Error(`post failed: ${JSON.stringify(posted)}`);
  };
  const { result: sync, conflicts } = await countingConflicts(() => throughput(CALLERS, redemptions, redeem));

  const toProject = await committedTo(`merchant:${merchantId}`);
  const started = performance.now();
  await throughput(CALLERS, toProject.length, (i) => projector(busEvent(toProject[i]!), lambdaContext));
  const drainMs = performance.now() - started;

  const merchant = await loadAccount(`merchant:${merchantId}`);
  const wallets = await Promise.all(users.map((u) => getAccount(`user:${u}`)));
  const spent = wallets.reduce((n, w) => n + (w?.debitsPosted ?? 0), 0);
  const held = wallets.reduce((n, w) => n + (w?.debitsPending ?? 0), 0);
  const conserved = toProject.length === 2 * redemptions && spent === redemptions * points
    && merchant.creditsPosted === spent && merchant.creditsPending === held && held === 0;
  return [
    { name: 'ledger.hot_merchant.sync_conflicts', value: conflicts, unit: 'count', redemptions, callers: CALLERS },
    { name: 'ledger.hot_merchant.redemptions_per_s', value: round(sync.perSecond), unit: 'redemptions/s', transfers_each: 2 },
    { name: 'ledger.hot_merchant.projector_drain_ms', value: round(drainMs), unit: 'ms', events: toProject.length },
    { name: 'ledger.hot_merchant.conservation_ok', value: conserved ? 1 : 0, unit: 'bool', merchant_posted: merchant.creditsPosted, users_spent: spent },
  ];
};
