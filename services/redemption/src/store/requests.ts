import { executeTransactWrite } from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import type { Redemption } from '../domain/redemption';
import { takeStock } from './catalog';
import { createRedemption } from './redemptions';
import { outbox } from './table';

/** Why a request wrote nothing: its redemption exists already, or the stock is gone. */
export type RequestOutcome = 'created' | 'exists' | 'outOfStock';

/**
 * Reserve one unit, record the pending redemption and put its event, all in one
 * transaction; the failed condition, if any, says why nothing was written.
 */
export const commitRequest = async (redemption: Redemption, requested: Envelope): Promise<RequestOutcome> => {
  try {
    await retryOnConflict(() => executeTransactWrite(takeStock(redemption.rewardId), createRedemption(redemption), outboxPut(outbox, requested)));
    return 'created';
  } catch (error) {
    // An existing redemption is checked first: a retry finds it even once the stock ran out.
    if (failedConditionAt(error, 1)) return 'exists';
    if (failedConditionAt(error, 0)) return 'outOfStock';
    throw error;
  }
};
