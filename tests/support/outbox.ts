import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Envelope, detailTypeOf } from '@lianxin/shared/events/envelope';
import { tableNames } from '../../infra/src/local/env';

/**
 * Test tooling: read every event ever written to the services' outboxes on a stack's
 * DynamoDB Local, and publish envelopes again onto its local bus (as a redelivery would).
 */
export const allOutboxEvents = async (dynamodbPort: number): Promise<Envelope[]> => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: `http://127.0.0.1:${dynamodbPort}`, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const found: Envelope[] = [];
  for (const table of Object.values(tableNames())) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: table, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': 'OUTBOX#' }, ExclusiveStartKey }));
      for (const item of page.Items ?? []) found.push(item.envelope as Envelope);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return found.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1));
};

export const republish = async (eventbridgePort: number, envelopes: Envelope[]) => {
  const bus = new EventBridgeClient({ endpoint: `http://127.0.0.1:${eventbridgePort}`, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  for (let i = 0; i < envelopes.length; i += 10) {
    const batch = envelopes.slice(i, i + 10);
    const result = await bus.send(new PutEventsCommand({
      Entries: batch.map((e) => ({ EventBusName: 'lianxin-local', Source: e.source, DetailType: detailTypeOf(e.type, e.version), Detail: JSON.stringify(e) })),
    }));
    if (result.FailedEntryCount) throw new Error(`PutEvents rejected ${result.FailedEntryCount}`);
  }
};
