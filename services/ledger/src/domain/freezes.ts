import { type Result, conflict, invalid } from '@lianxin/shared/errors';
import { type Account, isWallet } from './accounts';

export type FreezeAction = 'FREEZE' | 'UNFREEZE';

/**
 * 一票否决: the wallet with its frozen flag set or cleared (a new version), or why not. Only
 * wallets are frozen: shared accounts (issuance, merchants, budgets) are not a person's.
 */
export const applyFreeze = (account: Account, action: FreezeAction): Result<Account> => {
  const { accountId } = account;
  if (!isWallet(accountId)) return invalid({ accountId: 'only a user wallet (user:<id>) can be frozen' });
  const freezing = action === 'FREEZE';
  if (Boolean(account.frozen) === freezing) {
    return conflict(freezing ? 'ACCOUNT_ALREADY_FROZEN' : 'ACCOUNT_NOT_FROZEN', `Account ${accountId} is ${freezing ? 'already' : 'not'} frozen`, {
      accountId: freezing ? 'already frozen' : 'not frozen',
    });
  }
  return { ...account, frozen: freezing, version: account.version + 1 };
};
