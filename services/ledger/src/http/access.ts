import { type Principal, hasRole, inScope, scopeIds } from '@lianxin/shared/auth/principal';
import { orgBudgetId, userAccountId } from '../domain/accounts';
import { ErrorBody } from './schemas';

/**
 * Admins see any account; a person sees their wallet; a merchant sees their shop's account;
 * an organizer sees their organization's budget.
 */
export const maySee = (p: Principal, accountId: string) =>
  hasRole(p, 'admin') ||
  accountId === userAccountId(p.userId) ||
  (accountId.startsWith('merchant:') && inScope(p, 'merchant', accountId.slice('merchant:'.length))) ||
  scopeIds(p, 'org').some((orgId) => accountId === orgBudgetId(orgId));

const errorContent = { 'application/json': { schema: ErrorBody } };

/** OpenAPI response entries for the error statuses a route may answer. */
export const errorResponses = <S extends number>(described: Record<S, string>) =>
  Object.fromEntries(Object.entries(described).map(([status, description]) => [status, { description, content: errorContent }])) as Record<
    S,
    { description: string; content: typeof errorContent }
  >;
