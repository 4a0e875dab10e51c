import { z } from '@hono/zod-openapi';
import { adminLogQuery } from '@lianxin/shared/http/openapi';
import { ADMIN_ACTIONS } from '../../domain/adminLog';

export const PeopleAdminLogQuery = adminLogQuery(50);

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
