import type { ServiceApp } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { runAudit } from '../../app/audit/runAudit';
import { AuditReport } from '../schemas';

const route = securedRoute({
  method: 'get', path: '/ledger/audit', action: 'ledger.audit',
  summary: 'Check the ledger invariants over the whole table (admin; a full Scan, for occasional use)',
  responses: { 200: jsonContent(AuditReport, 'One result per invariant'), ...errorResponses(401, 403) },
});

export const registerAudit = (app: ServiceApp) => app.openapi(route, async (c) => c.json(await runAudit(), 200));
