import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { readBalance } from '../../app/readBalance';
import { statement } from '../../app/statement';
import { userAccountId } from '../../domain/accounts';
import { Balance, Statement, StatementQuery } from '../schemas';

const myPoints = securedRoute({
  method: 'get', path: '/me/points', action: 'points.readOwn',
  responses: { 200: jsonContent(Balance, 'My balance'), ...errorResponses(401) },
});

const myTransactions = securedRoute({
  method: 'get', path: '/me/points/transactions', action: 'points.readOwn',
  request: { query: StatementQuery },
  responses: { 200: jsonContent(Statement, 'My statement, newest first'), ...errorResponses(400, 401) },
});

/** The caller's own wallet: its balance and its statement. */
export const registerPoints = (app: ServiceApp, clock: Clock) => {
  app.openapi(myPoints, async (c) => {
    const principal = principalOf(c);
    return c.json(await readBalance({ principal, accountId: userAccountId(principal.userId) }, clock()), 200);
  });
  app.openapi(myTransactions, async (c) => {
    const principal = principalOf(c);
    return c.json(await statement({ principal, accountId: userAccountId(principal.userId), ...c.req.valid('query') }), 200);
  });
};
