/**
 * `npm run bench`: prints one JSON line per metric, `{ name, value, unit, baseline?, ratio? }`.
 * It starts its own runtime on its own ports (DynamoDB Local, osls offline) and stops it.
 */
import { startStack } from '../../infra/src/local/stack';
import { earnLatency } from './earn-latency';
import { rawTransactWrites } from './raw-dynamodb';
import { emit } from './stats';

const BENCH_PORTS = { dynamodb: 8400, api: 3400, lambda: 3402, eventbridge: 4400, deadLetters: 4420, portal: 5400 };

const main = async () => {
  process.env.LOG_LEVEL ??= 'warn';
  const stack = await startStack({ ports: BENCH_PORTS });
  try {
    const baseline = await rawTransactWrites(process.env.LEDGER_TABLE!);
    emit(baseline);
    for (const metric of await earnLatency(stack.apiUrl)) emit(metric);
  } finally {
    await stack.stop();
  }
};

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
