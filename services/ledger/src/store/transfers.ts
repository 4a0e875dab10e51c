import { GetItemCommand } from 'dynamodb-toolbox';
import type { Hold } from '../domain/transfers';
import { HoldEntity, TransferEntity } from './table';

export const getTransfer = async (transferId: string) =>
  (await TransferEntity.build(GetItemCommand).key({ transferId }).options({ consistent: true }).send()).Item;

export type StoredTransfer = NonNullable<Awaited<ReturnType<typeof getTransfer>>>;

export const getHold = async (holdId: string): Promise<Hold | undefined> => {
  const { Item } = await HoldEntity.build(GetItemCommand).key({ holdId }).options({ consistent: true }).send();
  if (!Item) return undefined;
  const { gsi1pk: _pk, gsi1sk: _sk, ...hold } = Item;
  return hold;
};
