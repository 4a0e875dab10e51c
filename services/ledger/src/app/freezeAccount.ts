import type { Principal } from '@lianxin/shared/auth/principal';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { must } from '@lianxin/shared/errors';
import { retry } from '@lianxin/shared/retry';
import { type Account, openAccount } from '../domain/accounts';
import { type FreezeAction, applyFreeze } from '../domain/freezes';
import { freezeChanged } from '../events/publish';
import { getAccount } from '../store/accounts';
import { saveFreeze } from '../store/freeze';

export interface FreezeInput { principal: Principal; accountId: string; action: FreezeAction; reason: string }

/** A transfer committed between our read and our write: read again. */
const raced = (error: unknown) => Boolean(cancellationCodes(error)?.includes('ConditionalCheckFailed'));

/**
 * 一票否决: freeze or unfreeze a wallet under its version, with an immutable audit record
 * and AccountFrozen / AccountUnfrozen, in one transaction.
 */
export const freezeAccount = ({ principal, accountId, action, reason }: FreezeInput, now: Date): Promise<Account> =>
  retry(
    async () => {
      const next = must(applyFreeze((await getAccount(accountId)) ?? openAccount(accountId), action));
      const by = principal.userId;
      await saveFreeze(next, { action, reason, by, at: now.toISOString() }, freezeChanged(action, accountId, reason, by, now));
      return next;
    },
    { retryable: raced, tries: 8 },
  );
