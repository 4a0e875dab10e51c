import { GetItemCommand, PutTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import { conflict } from '@lianxin/shared/errors';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { DEFAULT_POLICY, type EarningPolicy } from '../domain/policy';
import { PolicyEntity, outbox } from './table';

const CURRENT = 'CURRENT';

/** The earning policy in force; the defaults until an admin first sets one. */
export const currentPolicy = async (): Promise<EarningPolicy> => {
  const { Item } = await PolicyEntity.build(GetItemCommand).key({ id: CURRENT }).options({ consistent: true }).send();
  // A policy stored before a field existed takes that field's default.
  return Item ? { ...DEFAULT_POLICY, ...(Item.policy as EarningPolicy), version: Item.version } : DEFAULT_POLICY;
};

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
 * Replace the policy with the next version, guarded by the version read (two admins editing
 * at once: the second is told to reload). Past transfers keep the version they recorded.
 */
export const replacePolicy = async (changes: Omit<EarningPolicy, 'version'>, by: string, now = new Date()): Promise<EarningPolicy> => {
  const { Item } = await PolicyEntity.build(GetItemCommand).key({ id: CURRENT }).options({ consistent: true }).send();
  const version = (Item?.version ?? DEFAULT_POLICY.version) + 1;
  const next: EarningPolicy = { ...changes, version };
  try {
    await executeTransactWrite(
      PolicyEntity.build(PutTransaction)
        .item({ id: CURRENT, version, policy: next, updatedBy: by, updatedAt: now.toISOString() })
        .options({ condition: Item ? { attr: 'version', eq: Item.version } : { attr: 'id', exists: false } }),
      outboxPut(outbox, events.EarningPolicyChangedV1.make({ version, by }, by, now)),
    );
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') throw conflict('POLICY_CHANGED', 'The policy changed meanwhile; reload it and try again');
    throw error;
  }
  return next;
};
