import { createRoute, z } from '@hono/zod-openapi';
import { inScope, hasRole, type Principal } from '@lianxin/shared/auth/principal';
import { forbidden } from '@lianxin/shared/errors';
import { createServiceApp, principalOf } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';
import { balanceOf, userAccountId } from '../domain/accounts';
import { entryPage, loadAccount } from '../store/accounts';
import { Balance, ErrorBody, Statement, StatementQuery } from './schemas';

export const app = createServiceApp('ledger', 'Points accounts, transfers, holds and statements.');
app.use('/me/*', authenticate);
app.use('/ledger/accounts/*', authenticate);

const errors = { 401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } } };

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
  return c.json(await entryPage(userAccountId(principalOf(c).userId), limit, cursor === undefined ? undefined : Number(cursor)), 200);
});

/** Admins see any account; a person sees their wallet; a merchant sees their shop's account. */
const maySee = (p: Principal, accountId: string) =>
  hasRole(p, 'admin') ||
  accountId === userAccountId(p.userId) ||
  (accountId.startsWith('merchant:') && inScope(p, 'merchant', accountId.slice('merchant:'.length)));

const accountRoute = createRoute({
  method: 'get', path: '/ledger/accounts/{accountId}', security: [{ bearer: [] }],
  request: { params: z.object({ accountId: z.string().min(3).max(200) }) },
  responses: {
    200: { description: 'An account balance', content: { 'application/json': { schema: Balance } } },
    403: { description: 'Not your account', content: { 'application/json': { schema: ErrorBody } } },
    ...errors,
  },
});
app.openapi(accountRoute, async (c) => {
  const { accountId } = c.req.valid('param');
  if (!maySee(principalOf(c), accountId)) throw forbidden('You may not see this account');
  return c.json(balanceOf(await loadAccount(accountId)), 200);
});
