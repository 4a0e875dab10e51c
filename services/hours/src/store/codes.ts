import { Entity, GetItemCommand, PutTransaction, executeTransactWrite, item, number, string } from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import type { CheckinCode } from '../domain/codes';
import { table } from './table';

/** Expired codes still answer CODE_EXPIRED for a day before the table's TTL removes them. */
const KEEP_AFTER_EXPIRY_SECONDS = 24 * 3600;

/**
 * A code keyed by its digits, so at most one item holds them: a new code may take the
 * digits only when their previous holder has expired. `validUntil` is the code's expiry;
 * `expiresAt` is the table's TTL attribute.
 */
export const CheckinCodeEntity = new Entity({
  name: 'CheckinCode',
  table,
  schema: item({
    code: string().key(),
    shiftId: string(),
    issuedAt: string(),
    validUntil: string(),
    expiresAt: number(),
  }),
  computeKey: ({ code }) => ({ pk: `CODE#${code}`, sk: 'CODE' }),
  timestamps: false,
});

/** Which code is the shift's current one; any other code of the shift is superseded. */
export const CurrentCodeEntity = new Entity({
  name: 'CurrentCheckinCode',
  table,
  schema: item({ shiftId: string().key(), code: string(), expiresAt: number() }),
  computeKey: ({ shiftId }) => ({ pk: `SHIFT#${shiftId}`, sk: 'CODE' }),
  timestamps: false,
});

const ttlOf = (code: CheckinCode) => Math.floor(Date.parse(code.expiresAt) / 1000) + KEEP_AFTER_EXPIRY_SECONDS;

/**
 * Store a new code and make it its shift's current one, only if its digits are free (never
 * held, or held by an expired code): false when a live code holds them (nothing is written).
 */
export const storeCode = async (code: CheckinCode, now: Date): Promise<boolean> => {
  const expiresAt = ttlOf(code);
  const claimDigits = CheckinCodeEntity.build(PutTransaction)
    .item({ code: code.code, shiftId: code.shiftId, issuedAt: code.issuedAt, validUntil: code.expiresAt, expiresAt })
    .options({ condition: { or: [{ attr: 'code', exists: false }, { attr: 'validUntil', lte: now.toISOString() }] } });
  const makeCurrent = CurrentCodeEntity.build(PutTransaction).item({ shiftId: code.shiftId, code: code.code, expiresAt });
  try {
    await retryOnConflict(() => executeTransactWrite(claimDigits, makeCurrent));
    return true;
  } catch (error) {
    if (failedConditionAt(error, 0)) return false;
    throw error;
  }
};

export const findCode = async (code: string): Promise<CheckinCode | undefined> => {
  const { Item } = await CheckinCodeEntity.build(GetItemCommand).key({ code }).options({ consistent: true }).send();
  return Item && { code: Item.code, shiftId: Item.shiftId, issuedAt: Item.issuedAt, expiresAt: Item.validUntil };
};

export const currentCodeOf = async (shiftId: string): Promise<string | undefined> =>
  (await CurrentCodeEntity.build(GetItemCommand).key({ shiftId }).options({ consistent: true }).send()).Item?.code;
