import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { type Metric, round, throughput } from './stats';

/**
 * The baseline every later benchmark is compared with: raw two-item TransactWriteItems
 * against DynamoDB Local at 16 concurrent callers (ledger.md: about 550/s on 2 cores).
 */
export const rawTransactWrites = async (tableName: string, total = 4000, callers = 16): Promise<Metric> => {
  const client = new DynamoDBClient({});
  const put = (pk: string) => ({ Put: { TableName: tableName, Item: { pk: { S: pk }, sk: { S: 'BENCH' } }, ConditionExpression: 'attribute_not_exists(pk)' } });
  // Warm-up: the JVM's JIT makes the first few hundred calls slow.
  await throughput(callers, 300, () => client.send(new TransactWriteItemsCommand({ TransactItems: [put(`BENCH#${randomUUID()}`), put(`BENCH#${randomUUID()}`)] })));
  const { perSecond } = await throughput(callers, total, () =>
    client.send(new TransactWriteItemsCommand({ TransactItems: [put(`BENCH#${randomUUID()}`), put(`BENCH#${randomUUID()}`)] })),
  );
  return { name: 'dynamodb_local.transact_write_items_per_s', value: round(perSecond), unit: 'tx/s', callers, items_per_tx: 2 };
};
