import { newestFirstPage } from '@lianxin/shared/db/adminLogPage';
import { Entity, type FormattedItem, PutTransaction, QueryCommand, any, item, string } from 'dynamodb-toolbox';
import { ADMIN_ACTIONS, type AdminLogEntry } from '../domain/adminLog';
import { table } from './table';

/**
 * The append-only admin log: one partition sorted by time (`ADMINLOG` / `<at>#<entryId>`).
 * Decisions come at an organizer's pace and the log is read newest first, so one partition
 * holds them all.
 */
const ADMIN_LOG = 'ADMINLOG';

const AdminLogEntity = new Entity({
  name: 'HoursAdminLog',
  table,
  schema: item({
    at: string().key(),
    entryId: string().key(),
    actor: string(),
    action: string().enum(...ADMIN_ACTIONS),
    hourLogId: string(),
    volunteerId: string(),
    orgId: string(),
    before: any(),
    after: any(),
    note: string().optional(),
    reason: string().optional(),
  }),
  computeKey: ({ at, entryId }) => ({ pk: ADMIN_LOG, sk: `${at}#${entryId}` }),
  timestamps: false,
});

const toEntry = ({ before, after, ...e }: FormattedItem<typeof AdminLogEntity>): AdminLogEntry => ({
  ...e,
  before: before as AdminLogEntry['before'],
  after: after as AdminLogEntry['after'],
});

/** An entry, written once: the same decision retried cannot log twice. */
export const adminLogPut = (entry: AdminLogEntry) =>
  AdminLogEntity.build(PutTransaction).item(entry).options({ condition: { attr: 'entryId', exists: false } });

/** Newest first; the cursor is the sort key of the last entry returned (the next page starts below it). */
export const adminLogPage = async (limit: number, cursor?: string) => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(AdminLogEntity)
    .query({ partition: ADMIN_LOG, ...(cursor ? { range: { lt: cursor } } : {}) })
    .options({ reverse: true, limit: limit + 1, consistent: true })
    .send();
  return newestFirstPage(Items.map(toEntry), limit);
};
