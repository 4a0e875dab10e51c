import type { AuditReport } from '../../domain/audit/check';
import { checkLedger } from '../../domain/audit/report';
import { readLedgerSnapshot } from '../../store/snapshot';

/**
 * Every invariant of the ledger checked over the whole table. A Scan: for the admin's
 * occasional check and the CLI, never a request path of volunteers.
 */
export const runAudit = async (): Promise<AuditReport> => checkLedger(await readLedgerSnapshot());
