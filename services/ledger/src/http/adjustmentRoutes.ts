import { createRoute } from '@hono/zod-openapi';
import { type Principal, hasRole, inScope } from '@lianxin/shared/auth/principal';
import { AppError, conflict } from '@lianxin/shared/errors';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { idFromKey } from '@lianxin/shared/ids';
import type { Adjustment as AdjustmentRequest } from '../domain/adjustments';
import type { FailureReason } from '../domain/transfers';
import { adjust } from '../store/adjustments';
import { getTransfer } from '../store/transfers';
import { errorResponses } from './access';
import { Adjustment, AdjustmentBody } from './adminSchemas';

/** A refused adjustment as an HTTP answer naming the field at fault. */
const refusal = (reason: FailureReason): AppError => {
  switch (reason) {
    case 'INSUFFICIENT_POINTS':
      return conflict('INSUFFICIENT_POINTS', 'The wallet does not have that many spendable points', { amount: 'exceeds the spendable balance' });
    case 'ACCOUNT_FROZEN':
      return conflict('ACCOUNT_FROZEN', 'The account is frozen', { userId: 'account frozen' });
    case 'BUDGET_EXHAUSTED':
      return conflict('BUDGET_EXHAUSTED', "The organization's budget does not have that many points", { amount: 'exceeds the budget left' });
    case 'EXCEEDS_ORIGINAL':
      return conflict('REVERSAL_EXCEEDS_ORIGINAL', 'The reversals would exceed the original transfer', { amount: 'exceeds what is left to reverse' });
    default:
      return conflict(reason, `The adjustment was refused: ${reason}`);
  }
};

/** Admins adjust anything; an organizer may award from their own organization's budget. */
const mayAdjust = (p: Principal, adj: AdjustmentRequest) =>
  hasRole(p, 'admin') || (adj.kind === 'AWARD' && adj.orgId !== undefined && hasRole(p, 'organizer') && inScope(p, 'org', adj.orgId));

const route = createRoute({
  method: 'post', path: '/ledger/adjustments', security: [{ bearer: [] }],
  summary: 'Award, deduct, reverse points or fund a budget (admin, or an organizer from their budget; with a reason; Idempotency-Key required)',
  request: { body: { required: true, content: { 'application/json': { schema: AdjustmentBody } } } },
  responses: {
    201: { description: 'The committed adjustment', content: { 'application/json': { schema: Adjustment } } },
    ...errorResponses({ 400: 'Bad input', 401: 'Not signed in', 403: 'Not an admin', 404: 'Unknown original transfer', 409: 'Refused', 422: 'Key reused' }),
  },
});

export const registerAdjustments = (app: ServiceApp) =>
  app.openapi(route, async (c) => {
    const principal = principalOf(c);
    const adj = c.req.valid('json');
    if (!mayAdjust(principal, adj)) requireRole(principal, 'admin');
    // From the caller and the key: a retry of the same request lands on the same transfer.
    const transferId = `adj:${idFromKey('adj', principal.userId, c.req.header('idempotency-key') ?? '')}`;
    const outcome = await adjust(transferId, adj, principal.userId);
    if (outcome.status === 'FAILED') throw refusal(outcome.reason);
    const t = (await getTransfer(transferId))!;
    const accountId = t.kind === 'AWARD' ? t.creditAccount : t.debitAccount;
    const original = t.originalTransferId ? { originalTransferId: t.originalTransferId } : {};
    return c.json({ transferId, kind: adj.kind, accountId, amount: t.amount, reason: t.reason ?? adj.reason, ...original }, 201);
  });
