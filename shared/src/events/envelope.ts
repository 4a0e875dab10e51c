import { z } from 'zod';
import { currentCorrelationId } from '../context';
import { newId } from '../ids';

/** The producing services; an event's `source` on the bus is `lianxin.<service>`. */
export const Service = z.enum(['activities', 'hours', 'ledger', 'redemption', 'people']);
export type Service = z.infer<typeof Service>;

export const Envelope = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().positive(),
  source: z.string().startsWith('lianxin.'),
  occurredAt: z.iso.datetime(),
  actor: z.string().min(1),
  /** The request (or scheduled run) this event descends from; see ../context.ts. */
  correlationId: z.string().min(1).max(128).optional(),
  data: z.unknown(),
});
export type Envelope<T = unknown> = Omit<z.infer<typeof Envelope>, 'data'> & { data: T };

/** The bus detail-type carries the version, so consumers subscribe to exact versions. */
export const detailTypeOf = (type: string, version: number) => `${type}.v${version}`;

export const sourceOf = (service: Service) => `lianxin.${service}`;

export const envelope = <T>(
  service: Service,
  type: string,
  version: number,
  data: T,
  actor: string,
  occurredAt = new Date(),
): Envelope<T> => {
  const id = newId('evt', occurredAt.getTime());
  // An event made outside any request or consumer starts its own chain.
  const correlationId = currentCorrelationId() ?? id;
  return { id, type, version, source: sourceOf(service), occurredAt: occurredAt.toISOString(), actor, correlationId, data };
};
