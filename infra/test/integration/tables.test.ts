import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { addMissingIndexes, tableDefinitions } from '../../src/local/tables';

/**
 * A store `npm start` kept from before an index was added to serverless.yml gets the index
 * on the next start, so a new query on an old store does not fail.
 */
describe('tables of a kept store', () => {
  it('gain the global secondary indexes declared since they were created', async () => {
    const client = new DynamoDBClient({});
    const definition = (await tableDefinitions()).find((t) => (t.GlobalSecondaryIndexes ?? []).length >= 2)!;
    const TableName = `kept-${Date.now()}`;
    const [first, ...later] = definition.GlobalSecondaryIndexes!;
    const firstKeys = new Set(['pk', 'sk', ...first!.KeySchema!.map((k) => k.AttributeName)]);
    await client.send(new CreateTableCommand({
      TableName, BillingMode: 'PAY_PER_REQUEST', KeySchema: definition.KeySchema,
      AttributeDefinitions: definition.AttributeDefinitions!.filter((a) => firstKeys.has(a.AttributeName)),
      GlobalSecondaryIndexes: [first!],
    }));
    const added = await addMissingIndexes(client, { ...definition, TableName });
    expect(added).toEqual(later.map((i) => i.IndexName));
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    expect(Table!.GlobalSecondaryIndexes!.map((i) => i.IndexName).sort()).toEqual(definition.GlobalSecondaryIndexes!.map((i) => i.IndexName).sort());
    const index = later[0]!;
    const hash = index.KeySchema!.find((k) => k.KeyType === 'HASH')!.AttributeName!;
    const answer = await client.send(new QueryCommand({ TableName, IndexName: index.IndexName, KeyConditionExpression: '#h = :v', ExpressionAttributeNames: { '#h': hash }, ExpressionAttributeValues: { ':v': { S: 'x' } } }));
    expect(answer.Items).toEqual([]);
    expect(await addMissingIndexes(client, { ...definition, TableName })).toEqual([]);
  });
});
