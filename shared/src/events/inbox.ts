import { Entity, PutTransaction, executeTransactWrite, item, number, string } from 'dynamodb-toolbox';
import type { ServiceTable } from '../db/table';
import { failedConditionAt } from '../db/transact';
import type { Envelope } from './envelope';

const INBOX_RETENTION_SECONDS = 400 * 24 * 3600;

/** A consumed event's id, recorded in the same transaction as its effect. */
export const inboxEntity = (table: ServiceTable) =>
  new Entity({
    name: 'InboxEvent',
    table,
    schema: item({ eventId: string().key(), type: string(), expiresAt: number() }),
    computeKey: ({ eventId }) => ({ pk: `INBOX#${eventId}`, sk: 'INBOX' }),
    timestamps: false,
  });

export type InboxEntity = ReturnType<typeof inboxEntity>;

type Write = Parameters<typeof executeTransactWrite>[number];

/**
 * Apply `writes` exactly once per event: the inbox marker goes first in the transaction, so
 * a redelivered event fails only that condition and is reported as a duplicate.
 */
export const commitOnce = async (inbox: InboxEntity, event: Envelope, ...writes: Write[]): Promise<'applied' | 'duplicate'> => {
  const marker = inbox
    .build(PutTransaction)
    .item({ eventId: event.id, type: event.type, expiresAt: Math.floor(Date.now() / 1000) + INBOX_RETENTION_SECONDS })
    .options({ condition: { attr: 'eventId', exists: false } });
  try {
    await executeTransactWrite(marker, ...(writes as never[]));
    return 'applied';
  } catch (error) {
    if (failedConditionAt(error, 0)) return 'duplicate';
    throw error;
  }
};
