import { permits } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { type Result, forbidden } from '@lianxin/shared/errors';
import { userAccountId } from './accounts';

const SHOP = /^merchant:(.+)$/;
const BUDGET = /^org:(.+):budget$/;

/**
 * Who may see an account, through the policy: a person their own wallet; a shop's account
 * (merchant:<id>) inside that merchant's scope; an organization's budget (org:<id>:budget)
 * inside that organization's scope; any other account only admins (who see every one).
 */
export const maySeeAccount = (p: Principal, accountId: string): boolean => {
  if (accountId === userAccountId(p.userId)) return true;
  const merchant = SHOP.exec(accountId)?.[1];
  if (merchant !== undefined) return permits(p, 'account.readShop', { merchant });
  const org = BUDGET.exec(accountId)?.[1];
  if (org !== undefined) return permits(p, 'account.readBudget', { org });
  return permits(p, 'account.readAny');
};

/** The account id, or the refusal for one the person may not see. */
export const readableAccount = (p: Principal, accountId: string): Result<string> =>
  maySeeAccount(p, accountId) ? accountId : forbidden('You may not see this account');
