import type { ExecuteTransactWriteInput, ExecuteTransactWriteOptions } from 'dynamodb-toolbox';
import { cancellationCodes, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Applied } from '../domain/transitions';
import type { Redemption } from '../domain/redemption';
import { returnStock } from './catalog';
import { issueCode, releaseCode } from './codes';
import { getRedemption, replaceRedemption } from './redemptions';

/** One item of a write transaction (any entity's Put/Update/Delete/ConditionCheck). */
export type Write = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>;

/** The writes of an applied decision: the redemption first, then its effects, then `extra` (the event). */
export const decisionWrites = ({ previous, next, effects }: Applied, ...extra: Write[]): Write[] => [
  replaceRedemption(next, previous.version),
  ...(effects.returnStock ? [returnStock(next.rewardId)] : []),
  ...(effects.issueCode && next.code && next.expiresAt
    ? [issueCode({ code: next.code, redemptionId: next.redemptionId, merchantId: next.merchantId, codeExpiresAt: next.expiresAt })]
    : []),
  ...(effects.releaseCode && previous.code ? [releaseCode(previous.code)] : []),
  ...extra,
];

const MAX_READS = 8;
const lostRace = (error: unknown) => cancellationCodes(error)?.includes('ConditionalCheckFailed') ?? false;

/**
 * Read the redemption, then decide and write in `step`. A failed condition means someone
 * changed it (or a new code collided) since the read: read again and decide again.
 */
export const withLatest = async <T>(redemptionId: string, step: (r: Redemption | undefined) => Promise<T>): Promise<T> => {
  for (let read = 1; ; read++) {
    const current = await getRedemption(redemptionId);
    try {
      return await retryOnConflict(() => step(current));
    } catch (error) {
      if (read >= MAX_READS || !lostRace(error)) throw error;
    }
  }
};
