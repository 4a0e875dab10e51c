import { newestFirstPage } from '@lianxin/shared/db/adminLogPage';
import { PutTransaction, QueryCommand } from 'dynamodb-toolbox';
import type { AdminLogEntry } from '../domain/adminLog';
import { ADMIN_LOG, AdminLogEntity, table } from './table';

/** An entry, written once: the same action retried cannot log twice. */
export const adminLogPut = (entry: AdminLogEntry) =>
  AdminLogEntity.build(PutTransaction).item(entry).options({ condition: { attr: 'entryId', exists: false } });

/** Newest first; the cursor is the sort key of the last entry returned (a page starts below it). */
export const adminLogPage = async (limit: number, cursor?: string) => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(AdminLogEntity)
    .query({ partition: ADMIN_LOG, ...(cursor ? { range: { lt: cursor } } : {}) })
    .options({ reverse: true, limit: limit + 1, consistent: true })
    .send();
  return newestFirstPage(Items as AdminLogEntry[], limit);
};
