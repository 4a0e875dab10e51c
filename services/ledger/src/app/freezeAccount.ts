import type { Principal } from '@lianxin/shared/auth/principal';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { must } from '@lianxin/shared/errors';
import { retry } from '@lianxin/shared/retry';
import { type Account, openAccount } from '../domain/accounts';
import { freezeEntry } from '../domain/adminLog';
import { type FreezeAction, applyFreeze } from '../domain/freezes';
import { freezeChanged } from '../events/publish';
import { getAccount } from '../store/accounts';
import { saveFreeze } from '../store/freeze';

export interface FreezeInput { principal: Principal; accountId: string; action: FreezeAction; reason: string }

/** A transfer committed between our read and our write: read again. */
const raced = (error: unknown) => Boolean(cancellationCodes(error)?.includes('ConditionalCheckFailed'));

/**
 * 一票否决: freeze or unfreeze a wallet under its version, with its admin log entry and
 * AccountFrozen / AccountUnfrozen, in one transaction.
 */
export const freezeAccount = ({ principal, accountId, action, reason }: FreezeInput, now: Date): Promise<Account> =>
  retry(
    async () => {
      const before = (await getAccount(accountId)) ?? openAccount(accountId);
      const next = must(applyFreeze(before, action));
      const by = principal.userId;
      await saveFreeze(next, freezeEntry(action, by, now.toISOString(), reason, before, next), freezeChanged(action, accountId, reason, by, now));
      return next;
    },
    { retryable: raced, tries: 8 },
  );
