/**
 * Fault injection as AWS SDK middleware on the one DynamoDB client the ledger uses
 * (shared/src/db/client.ts `documentClient()`, which the ledger's table was built with).
 * Each fault is a named middleware added to the real client's stack and removed by name.
 *
 * Where a fault sits matters:
 * - `aboveSdkRetry` (initialize step): the error reaches the application as if the SDK had
 *   given up; the ledger's own retry (or the bus's redelivery) must cope.
 * - below the SDK's retry (finalizeRequest step, low priority, i.e. inside the retry loop):
 *   the SDK's standard retry strategy sees the error first, exactly like a real one.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { documentClient } from '@lianxin/shared/db/client';

export interface Fault {
  readonly name: string;
  /** Calls of the targeted commands seen (injected or not). */
  calls: number;
  /** Faults actually injected. */
  injected: number;
}

interface Call { command: string; input: Record<string, unknown>; n: number }
type Next = (args: unknown) => Promise<unknown>;
type Behaviour = (call: Call, proceed: () => Promise<unknown>) => Promise<unknown>;

const active = new Set<string>();
let serial = 0;

/** The SDK names commands `TransactWriteItemsCommand`, `GetItemCommand`, …; targets omit the suffix. */
const install = (label: string, below: boolean, commands: readonly string[] | 'all', behaviour: Behaviour): Fault => {
  const fault: Fault = { name: `fault-${label}-${++serial}`, calls: 0, injected: 0 };
  const stack = documentClient().middlewareStack;
  stack.add(
    ((next: Next, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      const command = (context.commandName ?? '').replace(/Command$/, '');
      if (commands !== 'all' && !commands.includes(command)) return next(args);
      const n = fault.calls++;
      return behaviour({ command, input: args.input, n }, () => next(args));
    }) as never,
    (below ? { step: 'finalizeRequest', priority: 'low', name: fault.name } : { step: 'initialize', priority: 'high', name: fault.name }) as never,
  );
  active.add(fault.name);
  return fault;
};

/** Remove every fault this module added (afterEach): the real client is shared by the process. */
export const removeFaults = () => {
  for (const name of active) documentClient().middlewareStack.remove(name);
  active.clear();
};

/** A connection reset: what a lost response looks like to the SDK (it classifies ECONNRESET as transient). */
const networkError = () => Object.assign(new Error('socket hang up (injected: response lost after commit)'), { code: 'ECONNRESET', name: 'Error', $metadata: {} });

/**
 * The request reaches DynamoDB and commits; the answer never comes back. `when` picks the
 * calls (by their index among the targeted commands, TransactWriteItems unless told) that
 * lose their answer.
 */
export const loseResponseAfterCommit = (options: { aboveSdkRetry: boolean; when?: (n: number) => boolean; commands?: readonly string[] }): Fault => {
  const fault: Fault = install('lost-response', !options.aboveSdkRetry, options.commands ?? ['TransactWriteItems'], async (call, proceed) => {
    const output = await proceed();
    if (!(options.when ?? (() => true))(call.n)) return output;
    fault.injected++;
    throw networkError();
  });
  return fault;
};

/**
 * A cancelled transaction whose reasons say TransactionConflict (another transaction was
 * touching one of its items), which DynamoDB Local never produces. Nothing is written.
 * `when` picks the TransactWriteItems calls to cancel, by their index.
 */
export const transactionConflicts = (when: (n: number) => boolean): Fault => {
  const fault: Fault = install('conflict', false, ['TransactWriteItems'], async (call, proceed) => {
    if (!when(call.n)) return proceed();
    fault.injected++;
    const items = (call.input.TransactItems as unknown[] | undefined) ?? [];
    const victim = call.n % Math.max(1, items.length);
    throw new TransactionCanceledException({
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [injected]',
      $metadata: { httpStatusCode: 400 },
      CancellationReasons: items.map((_, i) => (i === victim ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' })),
    });
  });
  return fault;
};

export type ThrottleName = 'ProvisionedThroughputExceededException' | 'ThrottlingException';

/**
 * DynamoDB refuses the request before doing anything. Below the SDK's retry the SDK backs
 * off and retries it; above, the application sees it. `when` picks calls by index among
 * the targeted commands.
 */
export const throttle = (options: { aboveSdkRetry: boolean; commands: readonly string[] | 'all'; when: (n: number) => boolean; error: ThrottleName }): Fault => {
  const fault: Fault = install('throttle', !options.aboveSdkRetry, options.commands, async (call, proceed) => {
    if (!options.when(call.n)) return proceed();
    fault.injected++;
    throw Object.assign(new Error(`Rate of requests exceeds the allowed throughput [injected ${options.error}]`), {
      name: options.error,
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  });
  return fault;
};
