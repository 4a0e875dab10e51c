import { type Condition, DeleteItemCommand, Entity, GetItemCommand, PutItemCommand, any, item, number, string } from 'dynamodb-toolbox';
import type { MiddlewareHandler } from 'hono';
import { isConditionCheckFailed } from 'dynamodb-toolbox';
import type { ServiceTable } from '../db/table';
import { AppError, invalid, keyReused } from '../errors';
import { hashOf, newId } from '../ids';
import type { AppEnv } from './app';

const RETENTION_SECONDS = 24 * 3600;
/** Longer than any request may run (Lambda timeout 10 s): a PENDING key older than this was abandoned. */
const LOCK_SECONDS = 30;

const idempotencyEntity = (table: ServiceTable) =>
  new Entity({
    name: 'IdempotencyRecord',
    table,
    schema: item({
      scope: string().key(),
      requestHash: string(),
      state: string().enum('PENDING', 'DONE'),
      lockedUntil: number().optional(),
      /** Who wrote the lock: an SDK resend of our own lock write must not read as another request. */
      owner: string().optional(),
      status: number().optional(),
      body: any().optional(),
      expiresAt: number(),
    }),
    computeKey: ({ scope }) => ({ pk: `IDEM#${scope}`, sk: 'IDEM' }),
    timestamps: false,
  });

/**
 * `Idempotency-Key` on POSTs that create value. The first request takes the key; a retry
 * with the same key and body gets the stored answer (4xx included), a retry with another
 * body is refused, and a retry while the first is still running is told to wait.
 */
const entities = new WeakMap<ServiceTable, ReturnType<typeof idempotencyEntity>>();
const recordsIn = (table: ServiceTable) => {
  let records = entities.get(table);
  if (!records) entities.set(table, (records = idempotencyEntity(table)));
  return records;
};

/** On the service's own table (createServiceApp's `tableEnv`): a retry finds the record beside the items it made. */
export const idempotent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const table = c.get('table');
  if (!table) throw new Error('Idempotent routes need createServiceApp(…, tableEnv)');
  const records = recordsIn(table);
  const key = c.req.header('idempotency-key');
  if (!key || key.length > 128) throw invalid({ 'Idempotency-Key': 'header required, at most 128 characters' });
  const scope = `${c.get('principal').userId}#${key}`;
  const requestHash = hashOf({ method: c.req.method, path: c.req.path, body: await c.req.text() });
  const nowSeconds = Math.floor(Date.now() / 1000);
  const lock = {
    scope, requestHash, state: 'PENDING' as const, owner: newId('req'), lockedUntil: nowSeconds + LOCK_SECONDS, expiresAt: nowSeconds + RETENTION_SECONDS,
  };
  /** Put the lock under a condition; the item in the way when it fails, unless that is our own lock. */
  const takeLock = async (condition: Condition<ReturnType<typeof idempotencyEntity>>) => {
    try {
      await records.build(PutItemCommand).item(lock).options({ condition }).send();
      return undefined;
    } catch (error) {
      if (!isConditionCheckFailed(error)) throw error;
      const { Item } = await records.build(GetItemCommand).key({ scope }).options({ consistent: true }).send();
      // The SDK resent a write whose answer was lost: the lock in the way is ours.
      return Item?.owner === lock.owner ? undefined : (Item ?? null);
    }
  };
  const Item = await takeLock({ attr: 'scope', exists: false });
  if (Item !== undefined) {
    if (!Item || Item.requestHash !== requestHash) {
      throw keyReused();
    }
    if (Item.state === 'DONE') {
      c.header('Idempotent-Replayed', 'true');
      return c.json(Item.body, (Item.status ?? 200) as 200);
    }
    if ((Item.lockedUntil ?? 0) > nowSeconds) throw new AppError(409, 'REQUEST_IN_PROGRESS', 'The first request with this key is still running');
    // The first attempt died mid-flight: take the key over (once, even if retries race).
    // Handlers derive their ids from the key, so re-running lands on the same items.
    const raced = await takeLock({ and: [{ attr: 'state', eq: 'PENDING' }, { attr: 'lockedUntil', eq: Item.lockedUntil ?? 0 }] });
    if (raced !== undefined) throw new AppError(409, 'REQUEST_IN_PROGRESS', 'Another retry with this key is running');
  }
  try {
    await next();
  } catch (error) {
    await records.build(DeleteItemCommand).key({ scope }).send();
    throw error;
  }
  if (c.res.status >= 500) {
    await records.build(DeleteItemCommand).key({ scope }).send();
    return;
  }
  const body = await c.res.clone().json();
  // A whole-item put: an update would try to merge into the absent `body` map.
  await records.build(PutItemCommand).item({ scope, requestHash, state: 'DONE', status: c.res.status, body, expiresAt: lock.expiresAt }).send();
};
