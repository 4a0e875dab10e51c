import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { REQUEST_LIMITS } from '../db/client';
import { createLogger } from '../logger';
import { type Envelope, detailTypeOf } from './envelope';

const log = createLogger('outbox-relay');
let client: EventBridgeClient | undefined;
const bus = () => new EventBridgeClient({ maxAttempts: 5, requestHandler: REQUEST_LIMITS });

/** The envelopes of newly inserted outbox items in a batch of stream records. */
export const outboxEnvelopes = (records: DynamoDBRecord[]): Envelope[] =>
  records
    .filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.pk?.S?.startsWith('OUTBOX#'))
    .map((r) => unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>).envelope as Envelope);

const entryOf = (event: Envelope): PutEventsRequestEntry => ({
  EventBusName: process.env.EVENT_BUS_NAME,
  Source: event.source,
  DetailType: detailTypeOf(event.type, event.version),
  Detail: JSON.stringify(event),
  Time: new Date(event.occurredAt),
});

/** PutEvents in batches of 10 (the API's limit); any failed entry fails the batch so the stream retries. */
export const publish = async (envelopes: Envelope[]): Promise<number> => {
  client ??= bus();
  for (let i = 0; i < envelopes.length; i += 10) {
    const batch = envelopes.slice(i, i + 10);
    const result = await client.send(new PutEventsCommand({ Entries: batch.map(entryOf) }));
    if (result.FailedEntryCount) {
      throw new Error(`PutEvents rejected ${result.FailedEntryCount} of ${batch.length} events`);
    }
  }
  return envelopes.length;
};

/** Local and fallback path: table stream → this function → PutEvents. */
export const relay = async (event: DynamoDBStreamEvent) => {
  const published = await publish(outboxEnvelopes(event.Records));
  if (published) log.info('outbox relayed', { published });
  return { published };
};

/**
 * AWS path: EventBridge Pipes reads the stream and calls this enrichment, which turns each
 * outbox item into the entry the pipe's bus target sends (detail-type from `$.detailType`).
 */
export const enrich = async (records: DynamoDBRecord[]) =>
  outboxEnvelopes(records).map((e) => ({ ...e, detailType: detailTypeOf(e.type, e.version) }));
