import { createRoute } from '@hono/zod-openapi';
import { forbidden, invalid } from '@lianxin/shared/errors';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { balanceOf } from '../domain/accounts';
import { entryPage, loadAccount } from '../store/accounts';
import { type FreezeAction, setFrozen } from '../store/freeze';
import { errorResponses, maySee } from './access';
import { AccountParam, FreezeBody } from './adminSchemas';
import { Balance, Statement, StatementQuery } from './schemas';

const json = <S>(schema: S) => ({ 'application/json': { schema } });

const freezeRoute = (action: FreezeAction) =>
  createRoute({
    method: 'post', path: `/ledger/accounts/{accountId}/${action.toLowerCase()}`, security: [{ bearer: [] }],
    summary: action === 'FREEZE' ? 'Freeze a wallet (一票否决; admin, with a reason)' : 'Unfreeze a wallet (admin, with a reason)',
    request: { params: AccountParam, body: { required: true, content: json(FreezeBody) } },
    responses: {
      200: { description: 'The balance after the change', content: json(Balance) },
      ...errorResponses({ 400: 'Bad input', 401: 'Not signed in', 403: 'Not an admin', 409: 'Already in that state' }),
    },
  });

const registerFreeze = (app: ServiceApp, action: FreezeAction) =>
  app.openapi(freezeRoute(action), async (c) => {
    const principal = principalOf(c);
    requireRole(principal, 'admin');
    const { accountId } = c.req.valid('param');
    // Only wallets are frozen: shared accounts (issuance, merchants) are not a person's.
    if (!accountId.startsWith('user:')) throw invalid({ accountId: 'only a user wallet (user:<id>) can be frozen' });
    const account = await setFrozen(accountId, action, c.req.valid('json').reason, principal.userId);
    return c.json(balanceOf(account), 200);
  });

const entriesRoute = createRoute({
  method: 'get', path: '/ledger/accounts/{accountId}/entries', security: [{ bearer: [] }],
  summary: "An account's entry chain, newest first (hot accounts keep shards, not entries)",
  request: { params: AccountParam, query: StatementQuery },
  responses: {
    200: { description: 'Entries, newest first', content: json(Statement) },
    ...errorResponses({ 400: 'Bad input', 401: 'Not signed in', 403: 'Not your account' }),
  },
});

const accountRoute = createRoute({
  method: 'get', path: '/ledger/accounts/{accountId}', security: [{ bearer: [] }],
  request: { params: AccountParam },
  responses: {
    200: { description: 'An account balance', content: json(Balance) },
    ...errorResponses({ 401: 'Not signed in', 403: 'Not your account' }),
  },
});

export const registerAccounts = (app: ServiceApp) => {
  app.openapi(accountRoute, async (c) => {
    const { accountId } = c.req.valid('param');
    if (!maySee(principalOf(c), accountId)) throw forbidden('You may not see this account');
    return c.json(balanceOf(await loadAccount(accountId)), 200);
  });
  app.openapi(entriesRoute, async (c) => {
    const { accountId } = c.req.valid('param');
    if (!maySee(principalOf(c), accountId)) throw forbidden('You may not see this account');
    const { limit, cursor } = c.req.valid('query');
    return c.json(await entryPage(accountId, limit, cursor), 200);
  });
  registerFreeze(app, 'FREEZE');
  registerFreeze(app, 'UNFREEZE');
};
