/**
 * `npm run bench`: prints one JSON line per metric, `{ name, value, unit, baseline?, ratio? }`.
 * The raw baseline runs on a DynamoDB Local of its own with nothing else running; the
 * end-to-end figures then run on a full runtime (osls offline) on the bench's own ports.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoLocal } from '../../infra/src/local/dynamo';
import { localAwsEnv, localPorts } from '../../infra/src/local/env';
import { startStack } from '../../infra/src/local/stack';
import { createTables } from '../../infra/src/local/tables';
import { claimRush, claimThroughput, nearMeDiscovery, rawConditionalUpdates } from './activities';
import { earnLatency } from './earn-latency';
import { hotMerchant, transferThroughput } from './ledger';
import { rawTransactWrites } from './raw-dynamodb';
import { type Metric, emit } from './stats';

const BENCH_PORTS = { dynamodb: 8400, api: 3400, lambda: 3402, eventbridge: 4400, deadLetters: 4420, portal: 5400 };

/** Storage-level figures on a quiet DynamoDB Local: the baseline and what compares with it. */
const storageBenchmarks = async (): Promise<Metric> => {
  Object.assign(process.env, localAwsEnv({ ...localPorts(), dynamodb: BENCH_PORTS.dynamodb }));
  const dynamo = await startDynamoLocal(BENCH_PORTS.dynamodb);
  try {
    await createTables(new DynamoDBClient({}));
    const baseline = await rawTransactWrites(process.env.LEDGER_TABLE!);
    emit(baseline);
    for (const metric of await transferThroughput(baseline.value)) emit(metric);
    for (const metric of await hotMerchant()) emit(metric);
    const updates = await rawConditionalUpdates(process.env.ACTIVITIES_TABLE!);
    emit(updates);
    emit(await claimThroughput(updates.value));
    for (const metric of await claimRush()) emit(metric);
    for (const metric of await nearMeDiscovery()) emit(metric);
    return baseline;
  } finally {
    dynamo.kill();
    await new Promise((r) => dynamo.once('exit', r));
  }
};

const main = async () => {
  process.env.LOG_LEVEL ??= 'warn';
  await storageBenchmarks();
  const stack = await startStack({ ports: BENCH_PORTS });
  try {
    for (const metric of await earnLatency(stack.apiUrl)) emit(metric);
  } finally {
    await stack.stop();
  }
};

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
