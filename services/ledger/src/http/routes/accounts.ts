import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { freezeAccount } from '../../app/freezeAccount';
import { readBalance } from '../../app/readBalance';
import { statement } from '../../app/statement';
import { balanceOf } from '../../domain/accounts';
import type { FreezeAction } from '../../domain/freezes';
import { AccountParam, Balance, FreezeBody, Statement, StatementQuery } from '../schemas';

const accountRoute = securedRoute({
  method: 'get', path: '/ledger/accounts/{accountId}', action: 'account.read',
  request: { params: AccountParam },
  responses: { 200: jsonContent(Balance, 'An account balance'), ...errorResponses(400, 401, 403) },
});

const entriesRoute = securedRoute({
  method: 'get', path: '/ledger/accounts/{accountId}/entries', action: 'account.read',
  summary: "An account's entry chain, newest first (hot accounts keep shards, not entries)",
  request: { params: AccountParam, query: StatementQuery },
  responses: { 200: jsonContent(Statement, 'Entries, newest first'), ...errorResponses(400, 401, 403) },
});

const freezeRoute = (action: FreezeAction) =>
  securedRoute({
    method: 'post', path: `/ledger/accounts/{accountId}/${action === 'FREEZE' ? 'freeze' : 'unfreeze'}`, action: 'account.freeze',
    summary: action === 'FREEZE' ? 'Freeze a wallet (一票否决; admin, with a reason)' : 'Unfreeze a wallet (admin, with a reason)',
    request: { params: AccountParam, body: jsonBody(FreezeBody) },
    responses: { 200: jsonContent(Balance, 'The balance after the change'), ...errorResponses(400, 401, 403, 409) },
  });

const registerFreeze = (app: ServiceApp, clock: Clock, action: FreezeAction) =>
  app.openapi(freezeRoute(action), async (c) => {
    const now = clock();
    const { accountId } = c.req.valid('param');
    const account = await freezeAccount({ principal: principalOf(c), accountId, action, reason: c.req.valid('json').reason }, now);
    return c.json(balanceOf(account, now), 200);
  });

/** Any account by id (as the policy lets the caller see it), and freezing wallets. */
export const registerAccounts = (app: ServiceApp, clock: Clock) => {
  app.openapi(accountRoute, async (c) => c.json(await readBalance({ principal: principalOf(c), ...c.req.valid('param') }, clock()), 200));
  app.openapi(entriesRoute, async (c) =>
    c.json(await statement({ principal: principalOf(c), ...c.req.valid('param'), ...c.req.valid('query') }), 200));
  registerFreeze(app, clock, 'FREEZE');
  registerFreeze(app, clock, 'UNFREEZE');
};
