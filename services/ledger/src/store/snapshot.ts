import { type Entity, ScanCommand } from 'dynamodb-toolbox';
import { AccountEntity, EntryEntity, HoldEntity, ShardEntity, TransferEntity, outbox, table } from './table';
import type { LedgerSnapshot } from '../domain/audit/snapshot';

/** All items of one entity, every page, strongly consistent. */
const scanAll = async <Row>(entity: Entity): Promise<Row[]> => {
  const { Items = [] } = await table.build(ScanCommand).entities(entity).options({ consistent: true, maxPages: Infinity }).send();
  return Items as Row[];
};

/**
 * The whole ledger table, entity by entity. A Scan: this is the offline audit, never a
 * request path. Taken while transfers commit, the parts are read at slightly different
 * moments, so audit a quiet table (or expect checks to flag what was in flight).
 */
export const readLedgerSnapshot = async (): Promise<LedgerSnapshot> => {
  const takenAt = new Date().toISOString();
  const [accounts, shards, transfers, entries, holds, events] = await Promise.all([
    scanAll<LedgerSnapshot['accounts'][number]>(AccountEntity),
    scanAll<LedgerSnapshot['shards'][number]>(ShardEntity),
    scanAll<LedgerSnapshot['transfers'][number]>(TransferEntity),
    scanAll<LedgerSnapshot['entries'][number]>(EntryEntity),
    scanAll<LedgerSnapshot['holds'][number]>(HoldEntity),
    scanAll<LedgerSnapshot['outbox'][number]>(outbox),
  ]);
  return { takenAt, accounts, shards, transfers, entries, holds, outbox: events };
};
