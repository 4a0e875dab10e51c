import { Entity, PutTransaction, QueryCommand, executeTransactWrite, item, string } from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import type { AttendanceRecord } from '../domain/attendanceOutcome';
import { outbox, table } from './table';

const MARKER_PREFIX = 'ATTENDANCE#';

/**
 * The outcome recorded for one claim. It sits in the shift's partition (one query lists a
 * shift's markers) and is put only if absent, in the same transaction as its
 * AttendanceRecorded event: however many sweeps race, a claim's event is written once.
 */
export const AttendanceMarkerEntity = new Entity({
  name: 'AttendanceMarker',
  table,
  schema: item({
    shiftId: string().key(),
    claimId: string().key(),
    volunteerId: string(),
    outcome: string().enum('attended', 'no_show'),
    recordedAt: string(),
  }),
  computeKey: ({ shiftId, claimId }) => ({ pk: `SHIFT#${shiftId}`, sk: `${MARKER_PREFIX}${claimId}` }),
  timestamps: false,
});

/** The claims of a shift whose outcome is already recorded. */
export const recordedClaimIds = async (shiftId: string): Promise<Set<string>> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(AttendanceMarkerEntity)
    .query({ partition: `SHIFT#${shiftId}`, range: { beginsWith: MARKER_PREFIX } })
    .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
    .send();
  return new Set(Items.map((m) => m.claimId));
};

/** Write one outcome and its event together; false when another sweep recorded the claim first. */
export const storeOutcomeOnce = async (record: AttendanceRecord, event: Envelope, now: Date): Promise<boolean> => {
  const marker = AttendanceMarkerEntity.build(PutTransaction)
    .item({ shiftId: record.shiftId, claimId: record.claimId, volunteerId: record.volunteerId, outcome: record.outcome, recordedAt: now.toISOString() })
    .options({ condition: { attr: 'claimId', exists: false } });
  try {
    await retryOnConflict(() => executeTransactWrite(marker, outboxPut(outbox, event)));
    return true;
  } catch (error) {
    if (failedConditionAt(error, 0)) return false;
    throw error;
  }
};
