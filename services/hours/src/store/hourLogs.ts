import {
  Entity,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
  executeTransactWrite,
  isConditionCheckFailed,
  item,
  list,
  number,
  string,
} from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import type { AdminLogEntry } from '../domain/adminLog';
import { HOUR_LOG_STATUSES, type HourLog, type HourLogStatus } from '../domain/hourLog';
import { adminLogPut } from './adminLog';
import { outbox, table } from './table';

const LIST_LIMIT = 100;

/**
 * Hour logs. gsi1 lists a volunteer's logs by check-in time; gsi2 lists an organization's
 * logs by status (the pending queue is `ORG#<orgId>#checked_out`).
 */
export const HourLogEntity = new Entity({
  name: 'HourLog',
  table,
  schema: item({
    hourLogId: string().key(),
    shiftId: string(),
    activityId: string(),
    activityTitle: string(),
    orgId: string(),
    communityId: string(),
    volunteerId: string(),
    volunteerName: string(),
    status: string().enum(...HOUR_LOG_STATUSES),
    checkInAt: string(),
    checkOutAt: string().optional(),
    minutes: number().optional(),
    pointsPerHour: number().optional(),
    category: string().optional(),
    bonusPoints: number().optional(),
    note: string().optional(),
    reason: string().optional(),
    verifiedBy: string().optional(),
    rejectedBy: string().optional(),
    decidedAt: string().optional(),
    kind: string().enum('shift', 'wish').optional(),
    orgIds: list(string()).optional(),
    postedBy: string().optional(),
    claimedBy: string().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ hourLogId }) => ({ pk: `HOURLOG#${hourLogId}`, sk: 'HOURLOG' }),
  timestamps: false,
});

const volunteerPartition = (volunteerId: string) => `VOL#${volunteerId}`;
const orgStatusPartition = (orgId: string, status: HourLogStatus) => `ORG#${orgId}#${status}`;

const toItem = (log: HourLog) => ({
  ...log,
  gsi1pk: volunteerPartition(log.volunteerId),
  gsi1sk: `${log.checkInAt}#${log.hourLogId}`,
  gsi2pk: orgStatusPartition(log.orgId, log.status),
  gsi2sk: `${log.decidedAt ?? log.checkOutAt ?? log.checkInAt}#${log.hourLogId}`,
});

const fromItem = ({ gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, ...log }: ReturnType<typeof toItem>): HourLog => log;

export const findHourLog = async (hourLogId: string): Promise<HourLog | undefined> => {
  const { Item } = await HourLogEntity.build(GetItemCommand).key({ hourLogId }).options({ consistent: true }).send();
  return Item && fromItem(Item);
};

/** Store a new log, or answer the one already there: never two logs for one id. */
export const createOrFindHourLog = async (log: HourLog): Promise<HourLog> => {
  try {
    await HourLogEntity.build(PutItemCommand).item(toItem(log)).options({ condition: { attr: 'hourLogId', exists: false } }).send();
    return log;
  } catch (error) {
    if (!isConditionCheckFailed(error)) throw error;
    const existing = await findHourLog(log.hourLogId);
    if (!existing) throw error;
    return existing;
  }
};

/** A brand-new log as one write of a transaction (a second one for the same id fails). */
export const newHourLogPut = (log: HourLog) =>
  HourLogEntity.build(PutTransaction).item(toItem(log)).options({ condition: { attr: 'hourLogId', exists: false } });

/**
 * The whole log, if it is still in `expected` and still carries the name it was read with: a
 * pseudonymization meanwhile (`pseudonymizeHourLog`) is never undone by a put decided on the
 * older read.
 */
const putIfStatus = (next: HourLog, expected: HourLogStatus) =>
  HourLogEntity.build(PutTransaction)
    .item(toItem(next))
    .options({ condition: { and: [{ attr: 'status', eq: expected }, { attr: 'volunteerName', eq: next.volunteerName }] } });

/**
 * Run a transaction whose first write is a log's conditional put (`putIfStatus`): false when
 * somebody moved the log on meanwhile (then nothing of it is written).
 */
const unlessMoved = async (commit: () => Promise<unknown>): Promise<boolean> => {
  try {
    await retryOnConflict(commit);
    return true;
  } catch (error) {
    if (failedConditionAt(error, 0)) return false;
    throw error;
  }
};

/** Move a log on from `expected` (check-out): false when it is no longer in that state. */
export const moveHourLog = (next: HourLog, expected: HourLogStatus): Promise<boolean> =>
  unlessMoved(() => executeTransactWrite(putIfStatus(next, expected)));

/**
 * An organizer's decision on a checked-out log: its new state, its event and its admin-log
 * entry commit together or not at all, so concurrent decisions leave exactly one of each.
 */
export const decideHourLog = (next: HourLog, event: Envelope, entry: AdminLogEntry): Promise<boolean> =>
  unlessMoved(() => executeTransactWrite(putIfStatus(next, 'checked_out'), outboxPut(outbox, event), adminLogPut(entry)));

const indexQuery = (index: 'gsi1' | 'gsi2', partition: string) =>
  table.build(QueryCommand).entities(HourLogEntity).query({ index, partition });

const queryIndex = async (index: 'gsi1' | 'gsi2', partition: string, reverse: boolean): Promise<HourLog[]> => {
  const { Items = [] } = await indexQuery(index, partition).options({ reverse, limit: LIST_LIMIT }).send();
  return Items.map(fromItem);
};

/** A volunteer's logs, newest check-in first. */
export const hourLogsOfVolunteer = (volunteerId: string) => queryIndex('gsi1', volunteerPartition(volunteerId), true);

/** Every log of a volunteer, page after page of their own partition (an erasure must reach them all). */
export const allHourLogsOfVolunteer = async (volunteerId: string): Promise<HourLog[]> => {
  const { Items = [] } = await indexQuery('gsi1', volunteerPartition(volunteerId)).options({ maxPages: Number.POSITIVE_INFINITY }).send();
  return Items.map(fromItem);
};

/** An organization's logs in one state, oldest first (the order they should be handled). */
export const hourLogsOfOrganization = (orgId: string, status: HourLogStatus) =>
  queryIndex('gsi2', orgStatusPartition(orgId, status), false);

/** The log's name alone becomes `pseudonym`, whatever state it is in; an absent log is not created. */
export const pseudonymizeHourLog = (hourLogId: string, pseudonym: string) =>
  HourLogEntity.build(UpdateItemCommand)
    .item({ hourLogId, volunteerName: pseudonym })
    .options({ condition: { attr: 'hourLogId', exists: true } })
    .send();
