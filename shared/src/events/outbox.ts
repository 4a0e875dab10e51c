import { Entity, PutTransaction, any, item, number, string } from 'dynamodb-toolbox';
import type { ServiceTable } from '../db/table';
import { type Envelope, detailTypeOf } from './envelope';

const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;

/**
 * The transactional outbox: an event is an item in the producing service's own table,
 * written in the same transaction as the state change. The table stream carries it on.
 */
export const outboxEntity = (table: ServiceTable) =>
  new Entity({
    name: 'OutboxEvent',
    table,
    schema: item({
      eventId: string().key(),
      detailType: string(),
      source: string(),
      envelope: any(),
      expiresAt: number(),
    }),
    computeKey: ({ eventId }) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' }),
    timestamps: false,
  });

export type OutboxEntity = ReturnType<typeof outboxEntity>;

export const outboxPut = (outbox: OutboxEntity, event: Envelope) =>
  outbox
    .build(PutTransaction)
    .item({
      eventId: event.id,
      detailType: detailTypeOf(event.type, event.version),
      source: event.source,
      envelope: event,
      expiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + OUTBOX_RETENTION_SECONDS,
    })
    .options({ condition: { attr: 'eventId', exists: false } });
