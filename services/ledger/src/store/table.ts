import { Entity, any, boolean, item, list, map, number, string } from 'dynamodb-toolbox';
import { serviceTable } from '@lianxin/shared/db/table';
import { inboxEntity } from '@lianxin/shared/events/inbox';
import { outboxEntity } from '@lianxin/shared/events/outbox';

export const table = serviceTable('LEDGER_TABLE');
export const outbox = outboxEntity(table);
export const inbox = inboxEntity(table);

const totals = {
  debitsPosted: number(),
  creditsPosted: number(),
  debitsPending: number(),
  creditsPending: number(),
};

/** Points by expiry cohort, oldest first. */
const lots = list(map({ expiresAt: string(), points: number() }));

/** A user wallet, updated synchronously under its version. */
export const AccountEntity = new Entity({
  name: 'Account',
  table,
  schema: item({
    accountId: string().key(), ...totals, version: number(), entrySeq: number(), earned: number(), frozen: boolean().optional(),
    lots: lots.optional(), communityId: string().optional(),
  }),
  computeKey: ({ accountId }) => ({ pk: `ACC#${accountId}`, sk: 'ACC' }),
  timestamps: false,
});

/** One shard of a hot account (sys:issuance, merchants); the balance is the sum of shards. */
export const ShardEntity = new Entity({
  name: 'AccountShard',
  table,
  schema: item({
    accountId: string().key(),
    shard: number().key(),
    debitsPosted: number().optional(),
    creditsPosted: number().optional(),
    debitsPending: number().optional(),
    creditsPending: number().optional(),
  }),
  computeKey: ({ accountId, shard }) => ({ pk: `ACC#${accountId}`, sk: `SHARD#${shard}` }),
  timestamps: false,
});

/** Immutable: a transfer id exists at most once, committed or failed, forever. */
export const TransferEntity = new Entity({
  name: 'Transfer',
  table,
  schema: item({
    transferId: string().key(),
    kind: string().enum('EARN', 'AWARD', 'DEDUCT', 'REVERSAL', 'HOLD', 'POST', 'VOID', 'EXPIRE'),
    debitAccount: string(),
    creditAccount: string(),
    amount: number(),
    memo: string(),
    holdId: string().optional(),
    requestHash: string(),
    status: string().enum('COMMITTED', 'FAILED'),
    failureReason: string().optional(),
    at: string(),
    reason: string().optional(),
    originalTransferId: string().optional(),
    /** EARN: the earning policy version the amount was computed under. */
    policyVersion: number().optional(),
    /** Who asked for it (admin adjustments), for the audit trail. */
    by: string().optional(),
    /** The request or event chain that caused it (shared/src/context.ts). */
    correlationId: string().optional(),
  }),
  computeKey: ({ transferId }) => ({ pk: `TR#${transferId}`, sk: 'TR' }),
  timestamps: false,
});

/** One line of an account's statement; `seq` numbers them without gaps. */
export const EntryEntity = new Entity({
  name: 'Entry',
  table,
  schema: item({
    accountId: string().key(),
    seq: number().key(),
    transferId: string(),
    kind: string(),
    amount: number(),
    heldDelta: number(),
    balanceAfter: number(),
    memo: string(),
    at: string(),
    /** The request or event chain that caused the transfer. */
    correlationId: string().optional(),
  }),
  computeKey: ({ accountId, seq }) => ({ pk: `ACC#${accountId}`, sk: `ENTRY#${String(seq).padStart(10, '0')}` }),
  timestamps: false,
});

/** A pending transfer user → merchant; leaves PENDING exactly once. */
export const HoldEntity = new Entity({
  name: 'Hold',
  table,
  schema: item({
    holdId: string().key(),
    redemptionId: string(),
    userAccount: string(),
    merchantAccount: string(),
    amount: number(),
    expiresAt: string(),
    state: string().enum('PENDING', 'POSTED', 'VOIDED'),
    lots: lots.optional(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ holdId }) => ({ pk: `HOLD#${holdId}`, sk: 'HOLD' }),
  timestamps: false,
});

export const PENDING_HOLDS = 'HOLDS#PENDING';

/**
 * One per wallet and lot cohort, written when a cohort appears in the wallet and deleted
 * when it expires: the sweeper finds lots due (or due for their notice) on gsi1 by date,
 * without a Scan. `notifiedAt` marks the 30-day notice as sent.
 */
export const LotIndexEntity = new Entity({
  name: 'LotIndex',
  table,
  schema: item({
    accountId: string().key(),
    expiresAt: string().key(),
    notifiedAt: string().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ accountId, expiresAt }) => ({ pk: `ACC#${accountId}`, sk: `LOT#${expiresAt}` }),
  timestamps: false,
});

export const LOTS_BY_EXPIRY = 'LOTS';

/**
 * Points issued, redeemed, expired and corrected per community and Beijing month, in
 * shards like the hot accounts (one busy community must not serialise the projector).
 * Aggregates only: no wallet or person appears here.
 */
export const TransparencyEntity = new Entity({
  name: 'TransparencyShard',
  table,
  schema: item({
    communityId: string().key(),
    month: string().key(),
    shard: number().key(),
    issued: number().optional(),
    redeemed: number().optional(),
    expired: number().optional(),
    corrected: number().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ communityId, month, shard }) => ({ pk: `TRANSP#${communityId}`, sk: `${month}#${shard}` }),
  timestamps: false,
});

/**
 * Awards per awarder (`org:<id>` for a budget, `issuance` for an admin's), community and
 * Beijing month, in the projector's shards: how many and how many points, never to whom.
 */
export const TransparencyAwardEntity = new Entity({
  name: 'TransparencyAwardShard',
  table,
  schema: item({
    communityId: string().key(),
    month: string().key(),
    awardedBy: string().key(),
    shard: number().key(),
    points: number().optional(),
    count: number().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ communityId, month, awardedBy, shard }) => ({ pk: `TRANSPAWARD#${communityId}`, sk: `${month}#${awardedBy}#${shard}` }),
  timestamps: false,
});

/**
 * A running count guarded by the value it was read at (earn caps per day and month,
 * reversed-so-far per original transfer): written in the same transaction as the transfer.
 */
export const CounterEntity = new Entity({
  name: 'Counter',
  table,
  schema: item({ owner: string().key(), name: string().key(), value: number() }),
  computeKey: ({ owner, name }) => ({ pk: `CTR#${owner}`, sk: name }),
  timestamps: false,
});

/**
 * The append-only admin log: one item per award, deduction, reversal, budget funding,
 * freeze, unfreeze and policy change, written with the action and never updated. One
 * partition, sorted by time: admin actions are rare, and the log is read newest first.
 */
export const AdminLogEntity = new Entity({
  name: 'AdminLog',
  table,
  schema: item({
    at: string().key(),
    entryId: string().key(),
    actor: string(),
    action: string().enum('AWARD', 'DEDUCT', 'REVERSAL', 'FUND_BUDGET', 'FREEZE', 'UNFREEZE', 'POLICY_CHANGE'),
    target: string(),
    reason: string().optional(),
    amount: number().optional(),
    transferId: string().optional(),
    before: any(),
    after: any(),
  }),
  computeKey: ({ at, entryId }) => ({ pk: ADMIN_LOG, sk: `${at}#${entryId}` }),
  timestamps: false,
});

export const ADMIN_LOG = 'ADMINLOG';

/** The current earning policy (one item); its version guards concurrent edits. */
export const PolicyEntity = new Entity({
  name: 'EarningPolicy',
  table,
  schema: item({ id: string().key(), version: number(), policy: any(), updatedBy: string(), updatedAt: string() }),
  computeKey: ({ id }) => ({ pk: 'POLICY', sk: id }),
  timestamps: false,
});
