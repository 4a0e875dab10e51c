import type { Context, EventBridgeEvent } from 'aws-lambda';
import { withContext } from '../context';
import { createLogger } from '../logger';
import { type EventData, type EventName, definitionOf, events } from './catalog';
import { Envelope } from './envelope';

export type EventHandlers = { [N in EventName]?: (event: Envelope<EventData<N>>) => Promise<unknown> };

/**
 * A bus consumer: validates the envelope against the catalog, then dispatches by exact
 * detail-type, inside the event's correlation id (so the events and logs it causes carry
 * it on). An unknown type or a malformed payload is a bug on the producer side, so it
 * throws: the bus retries and finally dead-letters it, where it can be inspected.
 */
export const consumer = (service: string, handlers: EventHandlers) => {
  const log = createLogger(service);
  const byDetailType = new Map(
    (Object.keys(handlers) as EventName[]).map((name) => [events[name].detailType, name]),
  );
  // The Lambda context is accepted (Lambda passes it) and not needed.
  return async (event: EventBridgeEvent<string, unknown>, _context?: Context): Promise<void> => {
    const name = byDetailType.get(event['detail-type']);
    const definition = definitionOf(event['detail-type']);
    if (!name || !definition) throw new Error(`${service} does not consume ${event['detail-type']}`);
    const envelope = Envelope.parse(event.detail);
    const data = definition.data.parse(envelope.data);
    const handler = handlers[name] as (e: Envelope) => Promise<unknown>;
    await withContext({ correlationId: envelope.correlationId ?? envelope.id }, async () => {
      const outcome = await handler({ ...envelope, data });
      log.info('event consumed', { eventId: envelope.id, type: event['detail-type'], outcome });
    });
  };
};
