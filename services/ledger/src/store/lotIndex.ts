import { DeleteTransaction, PutTransaction } from 'dynamodb-toolbox';
import type { Account } from '../domain/accounts';
import { lotIndexChanges } from '../domain/lots';
import type { TransferCommand } from '../domain/transfers';
import { LOTS_BY_EXPIRY, LotIndexEntity } from './table';

export const lotIndexKey = (accountId: string, expiresAt: string) => ({
  accountId, expiresAt, gsi1pk: LOTS_BY_EXPIRY, gsi1sk: `${expiresAt}#${accountId}`,
});

/** Keeps "every cohort in a wallet has its index entry" true within the transfer's own transaction. */
export const lotIndexWrites = (cmd: TransferCommand, before: Account, after: Account) => {
  const { added, removed } = lotIndexChanges(before.lots ?? [], after.lots ?? [], cmd.kind === 'EXPIRE' ? cmd.lotExpiresAt : undefined);
  return [
    ...added.map((expiresAt) => LotIndexEntity.build(PutTransaction).item(lotIndexKey(after.accountId, expiresAt))),
    ...(removed === undefined ? [] : [LotIndexEntity.build(DeleteTransaction).key({ accountId: after.accountId, expiresAt: removed })]),
  ];
};
