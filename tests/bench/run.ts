/**
 * `npm run bench`: prints one JSON line per metric, `{ name, value, unit, baseline?, ratio? }`.
 * The raw baseline runs on a DynamoDB Local of its own with nothing else running; the
 * end-to-end figures then run on a full runtime (osls offline) on the bench's own ports.
 */
// First: zod schemas get `.openapi` only if created after this extension loads, and the demo
// seed (through startStack) creates the activities domain schemas that the app documents later.
import '@hono/zod-openapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoLocal } from '../../infra/src/local/dynamo';
import { localAwsEnv, localPorts } from '../../infra/src/local/env';
import { startStack } from '../../infra/src/local/stack';
import { createTables } from '../../infra/src/local/tables';
import { claimRush, claimThroughput, nearMeDiscovery, rawConditionalUpdates } from './activities';
import { earnLatency, signInLatency } from './earn-latency';
import { hotMerchant, transferThroughput } from './ledger';
import { rawTransactWrites } from './raw-dynamodb';
import { emit } from './stats';

const BENCH_PORTS = { dynamodb: 8400, api: 3400, lambda: 3402, eventbridge: 4400, deadLetters: 4420, portal: 5400, cognito: 9400 };

/**
 * Runs `measure` on a fresh DynamoDB Local. Each group of figures gets its own: DynamoDB
 * Local slows down for every table as its stream records pile up (one core at 100% after
 * the hot-merchant run), which would otherwise charge one group's figures to the next.
 */
const onFreshDynamo = async <T>(measure: () => Promise<T>): Promise<T> => {
  Object.assign(process.env, localAwsEnv({ ...localPorts(), dynamodb: BENCH_PORTS.dynamodb }));
  const dynamo = await startDynamoLocal(BENCH_PORTS.dynamodb);
  try {
    await createTables(new DynamoDBClient({}));
    return await measure();
  } finally {
    dynamo.kill();
    await new Promise((r) => dynamo.once('exit', r));
  }
};

/** The ledger against raw TransactWriteItems, measured in the same run. */
const ledgerBenchmarks = () =>
  onFreshDynamo(async () => {
    const baseline = await rawTransactWrites(process.env.LEDGER_TABLE!);
    emit(baseline);
    for (const metric of await transferThroughput(baseline.value)) emit(metric);
    for (const metric of await hotMerchant()) emit(metric);
  });

/** Claims against raw conditional UpdateItem, the claim rush and near-me discovery. */
const activitiesBenchmarks = () =>
  onFreshDynamo(async () => {
    const updates = await rawConditionalUpdates(process.env.ACTIVITIES_TABLE!);
    emit(updates);
    emit(await claimThroughput(updates.value));
    for (const metric of await claimRush()) emit(metric);
    for (const metric of await nearMeDiscovery()) emit(metric);
  });

const main = async () => {
  // The near-me benchmark publishes 10,000 activities as one organizer: far past a person's write limit.
  process.env.RATE_LIMIT_WRITES_PER_PERSON ??= '1000000';
  process.env.LOG_LEVEL ??= 'warn';
  await ledgerBenchmarks();
  await activitiesBenchmarks();
  const stack = await startStack({ ports: BENCH_PORTS });
  try {
    for (const metric of await signInLatency(stack.apiUrl)) emit(metric);
    for (const metric of await earnLatency(stack.apiUrl)) emit(metric);
  } finally {
    await stack.stop();
  }
};

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
