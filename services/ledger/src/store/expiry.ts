import { ConditionCheck, DeleteTransaction, QueryCommand, UpdateTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import { cancellationCodes } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { lotIndexKey } from './lotIndex';
import { AccountEntity, LOTS_BY_EXPIRY, LotIndexEntity, outbox, table } from './table';

/** A wallet's cohort in the sweeper's index. */
export interface LotRef { accountId: string; expiresAt: string; notifiedAt?: string }

/** Index entries of lots expiring by `until` (oldest first), from gsi1: never a Scan. */
export const lotsDueBy = async (until: string): Promise<LotRef[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(LotIndexEntity)
    .query({ index: 'gsi1', partition: LOTS_BY_EXPIRY, range: { lt: `${until}$` } })
    .options({ maxPages: Infinity })
    .send();
  return Items;
};

/** Run a transaction whose conditions only guard against races: false when one failed. */
const unlessRaced = async (...writes: Parameters<typeof executeTransactWrite>) => {
  try {
    await executeTransactWrite(...writes);
    return true;
  } catch (error) {
    if (cancellationCodes(error)) return false;
    throw error;
  }
};

/**
 * Drop a cohort's index entry, unless the wallet changed since it was read at `version`
 * (`undefined`: no wallet) — a void may just have brought the points back.
 */
export const dropLotEntry = (ref: LotRef, version: number | undefined) =>
  unlessRaced(
    AccountEntity.build(ConditionCheck)
      .key({ accountId: ref.accountId })
      .condition(version === undefined ? { attr: 'accountId', exists: false } : { attr: 'version', eq: version }),
    LotIndexEntity.build(DeleteTransaction).key({ accountId: ref.accountId, expiresAt: ref.expiresAt }),
  );

/** Mark the lot's notice as sent with its event, once: false when it was sent already (or the entry is gone). */
export const markNoticeSent = (ref: LotRef, now: Date, notice: Envelope) =>
  unlessRaced(
    LotIndexEntity.build(UpdateTransaction)
      .item({ ...lotIndexKey(ref.accountId, ref.expiresAt), notifiedAt: now.toISOString() })
      .options({ condition: { and: [{ attr: 'accountId', exists: true }, { attr: 'notifiedAt', exists: false }] } }),
    outboxPut(outbox, notice),
  );
