import { $remove, Entity, GetItemCommand, PutTransaction, QueryCommand, UpdateTransaction, item, number, string } from 'dynamodb-toolbox';
import { table } from './table';

/** Held codes are listed in gsi1 under `HELD`, sorted by expiry, for the expiry sweeper. */
const HELD_INDEX = 'HELD';
/** Used and expired codes are kept a while (so reuse is answered "already used"), then purged by TTL. */
const CODE_RETENTION_SECONDS = 30 * 24 * 3600;

export interface OneTimeCode {
  code: string;
  redemptionId: string;
  merchantId: string;
  codeExpiresAt: string;
}

/** A one-time code, keyed by itself so the counter finds the redemption from the code alone. */
const CodeEntity = new Entity({
  name: 'OneTimeCode',
  table,
  schema: item({
    code: string().key(),
    redemptionId: string(),
    merchantId: string(),
    codeExpiresAt: string(),
    // The table's TTL attribute is `expiresAt` (epoch seconds): here it means "purge after".
    purgeAt: number().savedAs('expiresAt'),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ code }) => ({ pk: `CODE#${code}`, sk: 'CODE' }),
  timestamps: false,
});

export const getCode = async (code: string): Promise<OneTimeCode | undefined> => {
  const { Item } = await CodeEntity.build(GetItemCommand).key({ code }).options({ consistent: true }).send();
  return Item && { code: Item.code, redemptionId: Item.redemptionId, merchantId: Item.merchantId, codeExpiresAt: Item.codeExpiresAt };
};

/** A new code must not exist yet: a collision cancels the transaction and a new code is drawn. */
export const issueCode = (c: OneTimeCode) =>
  CodeEntity.build(PutTransaction)
    .item({
      ...c,
      purgeAt: Math.floor(Date.parse(c.codeExpiresAt) / 1000) + CODE_RETENTION_SECONDS,
      gsi1pk: HELD_INDEX,
      gsi1sk: c.codeExpiresAt,
    })
    .options({ condition: { attr: 'code', exists: false } });

export const releaseCode = (code: string) =>
  CodeEntity.build(UpdateTransaction)
    .item({ code, gsi1pk: $remove(), gsi1sk: $remove() })
    .options({ condition: { attr: 'code', exists: true } });

/** Held codes whose expiry is at or before `now`, one page at a time. */
export const dueCodes = async (now: Date, exclusiveStartKey?: Record<string, unknown>) => {
  const { Items = [], LastEvaluatedKey } = await table
    .build(QueryCommand)
    .entities(CodeEntity)
    .query({ index: 'gsi1', partition: HELD_INDEX, range: { lte: now.toISOString() } })
    .options({ limit: 100, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
    .send();
  return { redemptionIds: Items.map((i) => i.redemptionId), next: LastEvaluatedKey };
};
