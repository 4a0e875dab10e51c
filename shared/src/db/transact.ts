import { retry } from '../retry';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Why each item of a cancelled transaction failed, by position ('None' when it did not). */
export const cancellationCodes = (error: unknown): string[] | undefined => {
  if (!(error instanceof TransactionCanceledException) && (error as { name?: string })?.name !== 'TransactionCanceledException') {
    return undefined;
  }
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
};

/** True when the item at `index` of a cancelled transaction failed its condition. */
export const failedConditionAt = (error: unknown, index: number): boolean =>
  cancellationCodes(error)?.[index] === 'ConditionalCheckFailed';

/** True when the transaction lost a race (worth a bounded retry), not a business condition. */
export const isTransientConflict = (error: unknown): boolean => {
  const codes = cancellationCodes(error);
  if (codes) return codes.some((c) => c === 'TransactionConflict') && !codes.includes('ConditionalCheckFailed');
  const name = (error as { name?: string })?.name;
  return name === 'TransactionConflictException' || name === 'ProvisionedThroughputExceededException' || name === 'ThrottlingException';
};

/** Run `attempt` again on transient conflicts (shared/src/retry), a bounded number of times. */
export const retryOnConflict = <T>(attempt: () => Promise<T>, tries = 6): Promise<T> =>
  retry(attempt, { retryable: isTransientConflict, tries, baseDelayMs: 20 });
