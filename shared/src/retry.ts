/**
 * The one retry loop: run `attempt` again while `retryable(error)` says the failure is
 * transient, with jittered exponential back-off, until `tries` attempts or `budgetMs` of
 * waiting are spent. Everything else (business refusals, bugs) is thrown at once.
 */
export interface RetryOptions {
  retryable: (error: unknown) => boolean;
  /** Attempts in all, the first included. */
  tries?: number;
  /** The first back-off's upper bound; each later one doubles it. */
  baseDelayMs?: number;
  /** No single wait is longer than this. */
  maxDelayMs?: number;
  /** Stop retrying once this much time has been spent waiting. */
  budgetMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const retry = async <T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> => {
  const { retryable, tries = 6, baseDelayMs = 20, maxDelayMs = 1_000, budgetMs = Number.POSITIVE_INFINITY } = options;
  let waited = 0;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= tries || waited >= budgetMs || !retryable(error)) throw error;
      // Full jitter: racing callers spread out instead of colliding again in step.
      const delay = Math.min(maxDelayMs, budgetMs - waited, Math.random() * baseDelayMs * 2 ** n);
      waited += delay;
      await sleep(delay);
    }
  }
};
