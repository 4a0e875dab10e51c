import { z } from '@hono/zod-openapi';
import { ADMIN_ACTIONS } from '../../domain/adminLog';

export const PeopleAdminLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(300).regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z#\S+$/, 'cursor must come from a previous page').optional(),
});

const stateOf = z.record(z.string(), z.unknown());

export const PeopleAdminLogEntry = z
  .object({
    entryId: z.string(),
    at: z.string(),
    actor: z.string().openapi({ description: 'Who acted: an admin, a merchant, an organizer, the person (closure) or `seed`' }),
    action: z.enum(ADMIN_ACTIONS),
    personId: z.string().openapi({ description: 'The person acted on' }),
    before: stateOf,
    after: stateOf,
    reason: z.string().optional(),
  })
  .openapi('PeopleAdminLogEntry');

export const PeopleAdminLog = z
  .object({ items: z.array(PeopleAdminLogEntry), cursor: z.string().optional() })
  .openapi('PeopleAdminLog');
