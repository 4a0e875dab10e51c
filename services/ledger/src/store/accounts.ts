import { GetItemCommand, QueryCommand } from 'dynamodb-toolbox';
import { type Account, type Totals, ZERO, addTotals, isHotAccount, openAccount } from '../domain/accounts';
import { AccountEntity, EntryEntity, ShardEntity, table } from './table';

export const getAccount = async (accountId: string): Promise<Account | undefined> => {
  const { Item } = await AccountEntity.build(GetItemCommand).key({ accountId }).options({ consistent: true }).send();
  return Item;
};

/** A hot account's totals: the sum of its shards, as the projector has applied them. */
const shardTotals = async (accountId: string): Promise<Totals> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ShardEntity)
    .query({ partition: `ACC#${accountId}`, range: { beginsWith: 'SHARD#' } })
    .options({ consistent: true })
    .send();
  return Items.reduce<Totals>(
    (sum, s) => addTotals(sum, { ...ZERO, ...Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'number')) } as Totals),
    ZERO,
  );
};

export const loadAccount = async (accountId: string): Promise<Account> => {
  if (isHotAccount(accountId)) return { ...openAccount(accountId), ...(await shardTotals(accountId)) };
  return (await getAccount(accountId)) ?? openAccount(accountId);
};

/** Newest first; the cursor is the last seq returned (a page starts below it). */
export const entryPage = async (accountId: string, limit: number, cursor?: string) => {
  const beforeSeq = cursor === undefined ? undefined : Number(cursor);
  const { Items = [], LastEvaluatedKey } = await table
    .build(QueryCommand)
    .entities(EntryEntity)
    .query({
      partition: `ACC#${accountId}`,
      range: beforeSeq === undefined ? { beginsWith: 'ENTRY#' } : { between: ['ENTRY#', `ENTRY#${String(beforeSeq).padStart(10, '0')}`] },
    })
    .options({ reverse: true, limit: limit + 1, consistent: true })
    .send();
  const page = Items.filter((e) => beforeSeq === undefined || e.seq < beforeSeq).slice(0, limit);
  const more = Items.length > page.length || Boolean(LastEvaluatedKey && page.length === limit);
  return { items: page, ...(more && page.length ? { cursor: String(page[page.length - 1]!.seq) } : {}) };
};
