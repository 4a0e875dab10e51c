import { createRoute, z } from '@hono/zod-openapi';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { authenticate, requireRole } from '@lianxin/shared/http/auth';
import { ErrorBody } from '../http/schemas';
import { readLedgerSnapshot } from './read';
import { checkLedger } from './report';

const AuditReport = z
  .object({
    ok: z.boolean(),
    takenAt: z.string(),
    checks: z.array(z.object({
      name: z.string(),
      ok: z.boolean(),
      details: z.string(),
      needsDrainedProjector: z.boolean().openapi({ description: 'Holds only once the projector has applied every committed transfer' }),
    })),
  })
  .openapi('LedgerAuditReport');

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

const auditRoute = createRoute({
  method: 'get', path: '/ledger/audit', security: [{ bearer: [] }],
  summary: 'Check the ledger invariants over the whole table (admin; a full Scan, for occasional use)',
  middleware: [authenticate] as const,
  responses: {
    200: { description: 'One result per invariant', content: { 'application/json': { schema: AuditReport } } },
    401: error('Not signed in'),
    403: error('Not an admin'),
  },
});

export const registerAuditRoutes = (app: ServiceApp) => {
  app.openapi(auditRoute, async (c) => {
    requireRole(principalOf(c), 'admin');
    return c.json(checkLedger(await readLedgerSnapshot()), 200);
  });
};
