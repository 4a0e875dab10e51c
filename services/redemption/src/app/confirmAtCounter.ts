import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { codeNotFound } from '../domain/errors';
import type { Redemption } from '../domain/redemption';
import { confirmCode } from '../domain/transitions';
import { redemptionConfirmed } from '../events/publish';
import { getCode } from '../store/codes';
import { commitDecision, withLatest } from '../store/transitions';

/**
 * The merchant's counter: the code is used at most once, because the write is conditional
 * on the version of the held redemption that was read; concurrent confirms re-read and lose.
 */
export const confirmAtCounter = async (input: { code: string; merchant: Principal }, now: Date): Promise<Redemption> => {
  const { code, merchant } = input;
  const found = await getCode(code);
  if (!found) throw codeNotFound();
  return withLatest(found.redemptionId, async (current) => {
    if (!current) throw new Error(`Code ${code} points at a missing redemption ${found.redemptionId}`);
    const decision = must(confirmCode(current, merchant, now));
    await commitDecision(decision, redemptionConfirmed(decision.next, merchant.userId, now));
    return decision.next;
  });
};
