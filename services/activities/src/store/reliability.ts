import { Entity, PutTransaction, QueryCommand, item, number, string } from 'dynamodb-toolbox';
import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { type AttendanceOutcome, RELIABILITY_WINDOW_DAYS, windowStart } from '../domain/reliability/reliability';
import { inbox, table } from './table';

const OUTCOME_PREFIX = 'ATTENDANCE#';
/** A day past the window, so an outcome on the window's edge is never missing from a read. */
const KEEP_SECONDS = (RELIABILITY_WINDOW_DAYS + 1) * 24 * 3600;

/**
 * One outcome per claim, in the volunteer's partition (beside their schedule item) and
 * sorted by shift end, so a reliability read is one query over the window. The table's
 * TTL drops outcomes once they have left the window.
 */
const AttendanceOutcomeEntity = new Entity({
  name: 'AttendanceOutcome',
  table,
  schema: item({
    volunteerId: string().key(),
    shiftEndsAt: string().key(),
    claimId: string().key(),
    shiftId: string(),
    activityId: string(),
    outcome: string().enum('attended', 'no_show'),
    expiresAt: number(),
  }),
  computeKey: ({ volunteerId, shiftEndsAt, claimId }) => ({ pk: `VOL#${volunteerId}`, sk: `${OUTCOME_PREFIX}${shiftEndsAt}#${claimId}` }),
  timestamps: false,
});

const normalised = (at: string) => new Date(at).toISOString();

const outcomePut = (recorded: EventData<'AttendanceRecordedV1'>) => {
  const shiftEndsAt = normalised(recorded.shiftEndsAt);
  const { claimId, shiftId, activityId, volunteerId, outcome } = recorded;
  return AttendanceOutcomeEntity.build(PutTransaction).item({
    volunteerId,
    shiftEndsAt,
    claimId,
    shiftId,
    activityId,
    outcome,
    expiresAt: Math.floor(Date.parse(shiftEndsAt) / 1000) + KEEP_SECONDS,
  });
};

/** The volunteer's outcomes of shifts that ended in the window (the TTL may lag: the range does not). */
export const outcomesOf = async (volunteerId: string, now: Date): Promise<AttendanceOutcome[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(AttendanceOutcomeEntity)
    .query({ partition: `VOL#${volunteerId}`, range: { between: [`${OUTCOME_PREFIX}${windowStart(now).toISOString()}`, `${OUTCOME_PREFIX}${now.toISOString()}#~`] } })
    .options({ maxPages: Number.POSITIVE_INFINITY })
    .send();
  return Items;
};

/**
 * Keep an attendance outcome, once per event (the inbox marker in the same transaction);
 * one item per claim, so even a second event about a claim changes nothing.
 */
export const saveOutcomeOnce = (event: Envelope<EventData<'AttendanceRecordedV1'>>): Promise<'applied' | 'duplicate'> =>
  commitOnce(inbox, event, outcomePut(event.data));
