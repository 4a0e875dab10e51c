import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What follows one piece of work through the system: the correlation id a request starts
 * (or receives in `X-Correlation-Id`) travels in every event it causes, and each consumer
 * works inside it again, so logs and ledger entries of one chain share it.
 */
export interface WorkContext {
  correlationId: string;
}

const storage = new AsyncLocalStorage<WorkContext>();

export const withContext = <T>(context: WorkContext, work: () => T): T => storage.run(context, work);

/** The correlation id of the work in progress, if any. */
export const currentCorrelationId = (): string | undefined => storage.getStore()?.correlationId;
