import { Entity, GetItemCommand, PutTransaction, QueryCommand, executeTransactWrite, item, string } from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { type AttendanceRecord, type Claimant, type SweepWindow, outcomesToRecord, sweepWindow } from '../domain/attendanceOutcome';
import { hourLogIdOf } from '../domain/hourLog';
import type { Shift } from '../domain/shift';
import { HourLogEntity } from './hourLogs';
import { type RosterEntry, ShiftEntity, isCancelled, rosterOf, shiftOf, shiftsEndingOn } from './shifts';
import { outbox, table } from './table';

/** Who the sweep's events are from. */
export const SWEEP_ACTOR = 'system:attendance';

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

/** The shifts that ended inside the window, read from the end-time index (never a scan). */
const shiftsEndedIn = async (window: SweepWindow): Promise<Shift[]> => {
  const perDay = await Promise.all(
    window.days.map(async (day) => {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(ShiftEntity)
        // `~` sorts after every shift id, so shifts ending exactly at `to` are included.
        .query({ index: 'gsi1', partition: shiftsEndingOn(day), range: { between: [window.from, `${window.to}#~`] } })
        .options({ maxPages: Number.POSITIVE_INFINITY })
        .send();
      return Items.map(shiftOf);
    }),
  );
  return perDay.flat();
};

const recordedClaimIds = async (shiftId: string): Promise<Set<string>> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(AttendanceMarkerEntity)
    .query({ partition: `SHIFT#${shiftId}`, range: { beginsWith: MARKER_PREFIX } })
    .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
    .send();
  return new Set(Items.map((m) => m.claimId));
};

const hasCheckedIn = async (shiftId: string, volunteerId: string): Promise<boolean> => {
  const hourLogId = hourLogIdOf(shiftId, volunteerId);
  return !!(await HourLogEntity.build(GetItemCommand).key({ hourLogId }).options({ consistent: true }).send()).Item;
};

/** What the sweep needs to know of a roster entry; recorded claims are not looked into further. */
const claimantOf = async (entry: RosterEntry, recorded: Set<string>): Promise<Claimant> => {
  const base = { claimId: entry.claimId, volunteerId: entry.volunteerId };
  if (recorded.has(entry.claimId)) return { ...base, cancelled: false, checkedIn: false, recorded: true };
  const [cancelled, checkedIn] = await Promise.all([isCancelled(entry.claimId), hasCheckedIn(entry.shiftId, entry.volunteerId)]);
  return { ...base, cancelled, checkedIn, recorded: false };
};

/** Write one outcome and its event together; false when another sweep recorded the claim first. */
const recordOnce = async (record: AttendanceRecord, now: Date): Promise<boolean> => {
  const marker = AttendanceMarkerEntity.build(PutTransaction)
    .item({ shiftId: record.shiftId, claimId: record.claimId, volunteerId: record.volunteerId, outcome: record.outcome, recordedAt: now.toISOString() })
    .options({ condition: { attr: 'claimId', exists: false } });
  try {
    await retryOnConflict(() => executeTransactWrite(marker, outboxPut(outbox, events.AttendanceRecordedV1.make(record, SWEEP_ACTOR, now))));
    return true;
  } catch (error) {
    if (failedConditionAt(error, 0)) return false;
    throw error;
  }
};

const recordShift = async (shift: Shift, now: Date): Promise<number> => {
  const [roster, recorded] = await Promise.all([rosterOf(shift.shiftId), recordedClaimIds(shift.shiftId)]);
  const claimants = await Promise.all(roster.map((entry) => claimantOf(entry, recorded)));
  const written = await Promise.all(outcomesToRecord(shift, claimants, now).map((record) => recordOnce(record, now)));
  return written.filter(Boolean).length;
};

/**
 * The scheduled sweep: every confirmed claimant of every shift that ended in the window gets
 * exactly one AttendanceRecorded. Answers how many outcomes this run recorded.
 */
export const recordEndedShifts = async (now: Date): Promise<number> => {
  const shifts = await shiftsEndedIn(sweepWindow(now));
  let recorded = 0;
  // One shift at a time: a busy day's claimants would otherwise all be read at once.
  for (const shift of shifts) recorded += await recordShift(shift, now);
  return recorded;
};
