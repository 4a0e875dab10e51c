import { registerAuditRoutes } from '../audit/routes';
import { createRoute } from '@hono/zod-openapi';
import { createServiceApp, principalOf } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';
import { idempotent } from '@lianxin/shared/http/idempotency';
import { balanceOf, userAccountId } from '../domain/accounts';
import { entryPage, loadAccount } from '../store/accounts';
import { table } from '../store/table';
import { errorResponses } from './access';
import { registerAccounts } from './accountRoutes';
import { registerAdjustments } from './adjustmentRoutes';
import { registerPolicy } from './policyRoutes';
import { registerTransparency } from './transparencyRoutes';
import { Balance, Statement, StatementQuery } from './schemas';

export const app = createServiceApp('ledger', 'Points accounts, transfers, holds and statements.');
app.use('/me/*', authenticate);
app.use('/ledger/accounts/*', authenticate);
app.use('/ledger/policy', authenticate);
app.use('/ledger/transparency', authenticate);
app.use('/ledger/adjustments', authenticate, idempotent(table));
registerAuditRoutes(app);

const errors = errorResponses({ 401: 'Not signed in' });

const myPoints = createRoute({
  method: 'get', path: '/me/points', security: [{ bearer: [] }],
  responses: { 200: { description: 'My balance', content: { 'application/json': { schema: Balance } } }, ...errors },
});
app.openapi(myPoints, async (c) => c.json(balanceOf(await loadAccount(userAccountId(principalOf(c).userId))), 200));

const myTransactions = createRoute({
  method: 'get', path: '/me/points/transactions', security: [{ bearer: [] }],
  request: { query: StatementQuery },
  responses: { 200: { description: 'My statement, newest first', content: { 'application/json': { schema: Statement } } }, ...errors },
});
app.openapi(myTransactions, async (c) => {
  const { limit, cursor } = c.req.valid('query');
  return c.json(await entryPage(userAccountId(principalOf(c).userId), limit, cursor), 200);
});

registerAccounts(app);
registerAdjustments(app);
registerPolicy(app);
registerTransparency(app);
