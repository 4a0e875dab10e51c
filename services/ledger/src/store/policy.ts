import { GetItemCommand, PutTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import { failedConditionAt } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import type { AdminLogEntry } from '../domain/adminLog';
import { DEFAULT_POLICY, type EarningPolicy } from '../domain/policy';
import { adminLogPut } from './adminLog';
import { PolicyEntity, outbox } from './table';

const CURRENT = 'CURRENT';

const policyItem = async () => (await PolicyEntity.build(GetItemCommand).key({ id: CURRENT }).options({ consistent: true }).send()).Item;

/**
 * The earning policy in force (the defaults until an admin first sets one) and the stored
 * version it came from (`undefined`: none was stored), from one read.
 */
export const policyInForce = async (): Promise<{ policy: EarningPolicy; storedVersion: number | undefined }> => {
  const item = await policyItem();
  // A policy stored before a field existed takes that field's default.
  return item
    ? { policy: { ...DEFAULT_POLICY, ...(item.policy as EarningPolicy), version: item.version }, storedVersion: item.version }
    : { policy: DEFAULT_POLICY, storedVersion: undefined };
};

/** The earning policy in force. */
export const currentPolicy = async (): Promise<EarningPolicy> => (await policyInForce()).policy;

const VALIDITY_CACHE_MS = 30_000;
let validityCache: { at: number; policy: Promise<EarningPolicy> } | undefined;

/**
 * The policy for choosing the lot cohort of an award, read at most every 30 s per process:
 * a validity change taking 30 s to reach awards is harmless, and it saves a read on every
 * transfer. Earns read the policy fresh (their amount depends on it).
 */
export const policyForCohorts = (now = Date.now()): Promise<EarningPolicy> => {
  if (!validityCache || now - validityCache.at > VALIDITY_CACHE_MS) {
    const policy = currentPolicy();
    validityCache = { at: now, policy };
    policy.catch(() => { validityCache = undefined; });
  }
  return validityCache.policy;
};

/**
 * Store `next` with its admin log entry and its event, guarded by the version read before
 * (`undefined`: none was stored). False when another admin changed the policy meanwhile.
 */
export const putPolicy = async (next: EarningPolicy, readVersion: number | undefined, entry: AdminLogEntry, event: Envelope): Promise<boolean> => {
  try {
    await executeTransactWrite(
      PolicyEntity.build(PutTransaction)
        .item({ id: CURRENT, version: next.version, policy: next, updatedBy: entry.actor, updatedAt: entry.at })
        .options({ condition: readVersion === undefined ? { attr: 'id', exists: false } : { attr: 'version', eq: readVersion } }),
      adminLogPut(entry),
      outboxPut(outbox, event),
    );
    return true;
  } catch (error) {
    if (failedConditionAt(error, 0)) return false;
    throw error;
  }
};
