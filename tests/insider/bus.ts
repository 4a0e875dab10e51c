/**
 * The event bus, in process: each service's outbox items are read from its table and handed
 * to the consumers that serverless.yml subscribes to their detail-type, wrapped as
 * EventBridge delivers them. A delivery that throws (an event ahead of what it depends on)
 * is retried in the next round, as the bus retries; delivery ends when a round finds no new
 * outbox item and nothing left to retry. No timers: every step is explicit.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { documentClient } from '@lianxin/shared/db/client';
import { type Envelope, detailTypeOf } from '@lianxin/shared/events/envelope';
import { busEvent, lambdaContext } from '@lianxin/shared/testing';
import { parse } from 'yaml';
import { handler as activitiesEvents } from '../../services/activities/src/handlers/events';
import { handler as hoursEvents } from '../../services/hours/src/handlers/events';
import { handler as ledgerEvents } from '../../services/ledger/src/handlers/events';
import { handler as ledgerProjector } from '../../services/ledger/src/handlers/projector';
import { handler as redemptionEvents } from '../../services/redemption/src/handlers/events';
import { tableNames } from '../../infra/src/local/env';

type Consumer = (event: EventBridgeEvent<string, Envelope>, context: Context) => Promise<void>;

/** serverless.yml's bus consumers by function name: the real entry points. */
const CONSUMERS: Record<string, Consumer> = { activitiesEvents, hoursEvents, ledgerEvents, ledgerProjector, redemptionEvents };

interface Functions { functions: Record<string, { events?: { eventBridge?: { pattern?: { 'detail-type'?: string[] } } }[] }> }

/**
 * Detail-type → the consumers its bus rules name, from serverless.yml. A subscribed function
 * this bus cannot call is an error, so a new consumer is never silently left out.
 */
export const busRules = async (): Promise<Map<string, Consumer[]>> => {
  // CloudFormation's tags (!GetAtt …) do not matter here: unknown tags are read as plain values.
  const text = await readFile(join(import.meta.dirname, '..', '..', 'serverless.yml'), 'utf8');
  const { functions } = parse(text, { logLevel: 'silent' }) as Functions;
  const rules = new Map<string, Consumer[]>();
  for (const [name, fn] of Object.entries(functions)) {
    for (const detailType of (fn.events ?? []).flatMap((e) => e.eventBridge?.pattern?.['detail-type'] ?? [])) {
      const consumer = CONSUMERS[name];
      if (!consumer) throw new Error(`serverless.yml subscribes ${name} to ${detailType}, which the in-process bus cannot call`);
      rules.set(detailType, [...(rules.get(detailType) ?? []), consumer]);
    }
  }
  return rules;
};

/** Every envelope in the four services' outboxes (a test may scan; the services never do). */
const outboxEnvelopes = async (): Promise<Envelope[]> => {
  const found: Envelope[] = [];
  for (const env of Object.keys(tableNames())) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(new ScanCommand({
        TableName: process.env[env],
        FilterExpression: 'begins_with(pk, :outbox)',
        ExpressionAttributeValues: { ':outbox': 'OUTBOX#' },
        ConsistentRead: true,
        ExclusiveStartKey,
      }));
      found.push(...(page.Items ?? []).map((item) => item.envelope as Envelope));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return found.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
};

const MAX_STALLED_ROUNDS = 3;

/**
 * One bus over the current tables. `deliverAll()` delivers every outbox event not yet
 * delivered to each of its consumers, until nothing is left; `seen` holds every event so
 * far, by id, for the checks.
 */
export const inProcessBus = (rules: Map<string, Consumer[]>) => {
  const seen = new Map<string, Envelope>();
  const done = new Set<string>();
  const deliverAll = async () => {
    for (let stalled = 0; ;) {
      for (const e of await outboxEnvelopes()) seen.set(e.id, e);
      const due = [...seen.values()].flatMap((e) =>
        (rules.get(detailTypeOf(e.type, e.version)) ?? []).map((consumer, i) => ({ e, consumer, key: `${e.id}#${i}` })).filter((d) => !done.has(d.key)));
      if (!due.length) return;
      const errors: unknown[] = [];
      for (const { e, consumer, key } of due) {
        try {
          await consumer(busEvent(e), lambdaContext);
          done.add(key);
        } catch (error) {
          errors.push(error);
        }
      }
      stalled = errors.length === due.length ? stalled + 1 : 0;
      if (stalled >= MAX_STALLED_ROUNDS) throw new AggregateError(errors, `${errors.length} events could not be delivered`);
    }
  };
  return { seen, deliverAll };
};
