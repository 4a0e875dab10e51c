import { newestFirstPage } from '@lianxin/shared/db/adminLogPage';
import { Entity, type FormattedItem, PutTransaction, QueryCommand, any, item, string } from 'dynamodb-toolbox';
import { ADMIN_ACTIONS, type AdminLogEntry } from '../domain/adminLog';
import { table } from './table';

/**
 * The append-only admin log: one partition sorted by time (`ADMINLOG` / `<at>#<entryId>`),
 * and per person through gsi1 (`ADMINLOG#<personId>`) for their export. Admin actions are
 * rare; the log is read newest first.
 */
const ADMIN_LOG = 'ADMINLOG';

const AdminLogEntity = new Entity({
  name: 'PeopleAdminLog',
  table,
  schema: item({
    at: string().key(),
    entryId: string().key(),
    actor: string(),
    action: string().enum(...ADMIN_ACTIONS),
    personId: string(),
    reason: string().optional(),
    before: any(),
    after: any(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ at, entryId }) => ({ pk: ADMIN_LOG, sk: `${at}#${entryId}` }),
  timestamps: false,
});

const toEntry = ({ gsi1pk: _1, gsi1sk: _2, before, after, ...e }: FormattedItem<typeof AdminLogEntity>): AdminLogEntry => ({
  ...e,
  before: before as AdminLogEntry['before'],
  after: after as AdminLogEntry['after'],
});

/** An entry, written once: the same action retried cannot log twice. */
export const adminLogPut = (e: AdminLogEntry) =>
  AdminLogEntity.build(PutTransaction)
    .item({ ...e, gsi1pk: `${ADMIN_LOG}#${e.personId}`, gsi1sk: `${e.at}#${e.entryId}` })
    .options({ condition: { attr: 'entryId', exists: false } });

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

/** Every entry about one person, newest first. */
export const adminLogAbout = async (personId: string): Promise<AdminLogEntry[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(AdminLogEntity)
    .query({ index: 'gsi1', partition: `${ADMIN_LOG}#${personId}` })
    .options({ reverse: true, maxPages: Infinity })
    .send();
  return Items.map(toEntry);
};
