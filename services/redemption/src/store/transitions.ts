import { type ExecuteTransactWriteInput, type ExecuteTransactWriteOptions, executeTransactWrite } from 'dynamodb-toolbox';
import { cancellationCodes, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { retry } from '@lianxin/shared/retry';
import type { Applied } from '../domain/transitions';
import type { Redemption } from '../domain/redemption';
import { returnStock } from './catalog';
import { issueCode, releaseCode } from './codes';
import { loadRedemption, replaceRedemption } from './redemptions';
import { inbox, outbox } from './table';

/** One item of a write transaction (any entity's Put/Update/Delete/ConditionCheck). */
type Write = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>;

/** The writes of an applied decision: the redemption first, then its effects, then `extra` (the event). */
const decisionWrites = ({ previous, next, effects }: Applied, ...extra: Write[]): Write[] => [
  replaceRedemption(next, previous.version),
  ...(effects.returnStock ? [returnStock(next.rewardId)] : []),
  ...(effects.issueCode && next.code && next.expiresAt
    ? [issueCode({ code: next.code, redemptionId: next.redemptionId, merchantId: next.merchantId, codeExpiresAt: next.expiresAt })]
    : []),
  ...(effects.releaseCode && previous.code ? [releaseCode(previous.code)] : []),
  ...extra,
];

/** A decision of ours (the counter, the sweeper) with the event it publishes, in one transaction. */
export const commitDecision = (decision: Applied, event: Envelope) =>
  executeTransactWrite(...decisionWrites(decision, outboxPut(outbox, event)));

/** A decision that publishes nothing and is safe to repeat (a pseudonymization): the redemption alone. */
export const commitWithoutEvent = (decision: Applied) => executeTransactWrite(...decisionWrites(decision));

/** Record a consumed event whose effects were written on their own (each safe to repeat): 'duplicate' the second time. */
export const markConsumed = (event: Envelope) => commitOnce(inbox, event);

/** A decision caused by a consumed event, applied once however often the event is delivered. */
export const commitOnceFor = (event: Envelope, decision: Applied) => commitOnce(inbox, event, ...decisionWrites(decision));

const MAX_READS = 8;
const lostRace = (error: unknown) => cancellationCodes(error)?.includes('ConditionalCheckFailed') ?? false;

/**
 * Read the redemption, then decide and write in `step`. A failed condition means someone
 * changed it (or a new code collided) since the read: read again and decide again.
 */
export const withLatest = <T>(redemptionId: string, step: (r: Redemption | undefined) => Promise<T>): Promise<T> =>
  retry(
    async () => {
      const current = await loadRedemption(redemptionId);
      return retryOnConflict(() => step(current));
    },
    { retryable: lostRace, tries: MAX_READS, baseDelayMs: 5 },
  );
