import { executeTransactWrite } from 'dynamodb-toolbox';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { codeNotFound, notYourRedemption } from '../domain/errors';
import type { Redemption } from '../domain/redemption';
import { confirmCode } from '../domain/transitions';
import type { Viewer } from '../domain/view';
import { getCode } from './codes';
import { outbox } from './table';
import { decisionWrites, withLatest } from './transitions';

/**
 * The merchant's counter: the code is used at most once, because the write is conditional
 * on the version of the held redemption that was read; concurrent confirms re-read and lose.
 */
export const confirmByCode = async (code: string, merchant: Viewer, now: Date): Promise<Redemption> => {
  const found = await getCode(code);
  if (!found) throw codeNotFound();
  if (!merchant.merchantIds.includes(found.merchantId)) throw notYourRedemption();
  return withLatest(found.redemptionId, async (current) => {
    if (!current) throw new Error(`Code ${code} points at a missing redemption ${found.redemptionId}`);
    const decision = confirmCode(current, merchant.merchantIds, merchant.userId, now);
    const { redemptionId, merchantId } = decision.next;
    const confirmed = events.RedemptionConfirmedV1.make({ redemptionId, merchantId, confirmedBy: merchant.userId }, merchant.userId, now);
    await executeTransactWrite(...decisionWrites(decision, outboxPut(outbox, confirmed)));
    return decision.next;
  });
};
