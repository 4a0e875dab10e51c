import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { balanceOf } from '../domain/accounts';
import { readableAccount } from '../domain/access';
import { loadAccount } from '../store/accounts';

export interface AccountQuery { principal: Principal; accountId: string }

/** An account's balance, for those the policy lets see it (a hot account: the sum of its shards). */
export const readBalance = async ({ principal, accountId }: AccountQuery, now: Date) =>
  balanceOf(await loadAccount(must(readableAccount(principal, accountId))), now);
