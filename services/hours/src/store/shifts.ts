import { Entity, type FormattedItem, GetItemCommand, PutTransaction, QueryCommand, item, number, string } from 'dynamodb-toolbox';
import { notFound } from '@lianxin/shared/errors';
import { endingDayOf } from '../domain/attendanceOutcome';
import type { Shift } from '../domain/shift';
import { table } from './table';

/**
 * The shift directory: what ActivityPublished.v1 said about each shift. gsi1 lists shifts by
 * end time in one partition per UTC day (`ENDING#<day>`), so the attendance sweep reads only
 * the shifts that just ended. Optional because shifts projected before the index have none.
 */
export const ShiftEntity = new Entity({
  name: 'Shift',
  table,
  schema: item({
    shiftId: string().key(),
    activityId: string(),
    orgId: string(),
    communityId: string(),
    title: string(),
    startsAt: string(),
    endsAt: string(),
    pointsPerHour: number(),
    category: string().optional(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ shiftId }) => ({ pk: `SHIFT#${shiftId}`, sk: 'SHIFT' }),
  timestamps: false,
});

export const shiftsEndingOn = (day: string) => `ENDING#${day}`;

/** Sort key of the end-time index; the time is normalised so keys compare as instants. */
export const endingOrder = (endsAt: string, shiftId: string) => `${new Date(endsAt).toISOString()}#${shiftId}`;

export interface RosterEntry {
  shiftId: string;
  volunteerId: string;
  claimId: string;
  activityId: string;
}

const ROSTER_PREFIX = 'ROSTER#';

/** The roster: who holds a confirmed claim on a shift (from ShiftClaimed.v1). */
export const RosterEntryEntity = new Entity({
  name: 'RosterEntry',
  table,
  schema: item({
    shiftId: string().key(),
    volunteerId: string().key(),
    claimId: string(),
    activityId: string(),
  }),
  computeKey: ({ shiftId, volunteerId }) => ({ pk: `SHIFT#${shiftId}`, sk: `${ROSTER_PREFIX}${volunteerId}` }),
  timestamps: false,
});

/**
 * A claim the activities service cancelled. A tombstone rather than a delete, so a late
 * ShiftClaimed for the same claim (events arrive in any order) cannot put it back.
 */
export const CancelledClaimEntity = new Entity({
  name: 'CancelledClaim',
  table,
  schema: item({ claimId: string().key(), shiftId: string(), volunteerId: string() }),
  computeKey: ({ claimId }) => ({ pk: `CLAIM#${claimId}`, sk: 'CANCELLED' }),
  timestamps: false,
});

export const putCancelledClaim = (claim: { claimId: string; shiftId: string; volunteerId: string }) =>
  CancelledClaimEntity.build(PutTransaction).item(claim);

export const putShift = (shift: Shift) =>
  ShiftEntity.build(PutTransaction).item({
    ...shift,
    gsi1pk: shiftsEndingOn(endingDayOf(shift.endsAt)),
    gsi1sk: endingOrder(shift.endsAt, shift.shiftId),
  });

export const putRosterEntry = (entry: RosterEntry) => RosterEntryEntity.build(PutTransaction).item(entry);

/** The shift without its index keys. */
export const shiftOf = ({ gsi1pk: _pk, gsi1sk: _sk, ...shift }: FormattedItem<typeof ShiftEntity>): Shift => shift;

export const findShift = async (shiftId: string): Promise<Shift | undefined> => {
  const { Item } = await ShiftEntity.build(GetItemCommand).key({ shiftId }).options({ consistent: true }).send();
  return Item && shiftOf(Item);
};

export const isCancelled = async (claimId: string): Promise<boolean> =>
  !!(await CancelledClaimEntity.build(GetItemCommand).key({ claimId }).options({ consistent: true }).send()).Item;

export const isOnRoster = async (shiftId: string, volunteerId: string): Promise<boolean> => {
  const { Item } = await RosterEntryEntity.build(GetItemCommand).key({ shiftId, volunteerId }).options({ consistent: true }).send();
  return !!Item && !(await isCancelled(Item.claimId));
};

/** Everyone who was ever confirmed on the shift (cancelled claims included: see isCancelled). */
export const rosterOf = async (shiftId: string): Promise<RosterEntry[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(RosterEntryEntity)
    .query({ partition: `SHIFT#${shiftId}`, range: { beginsWith: ROSTER_PREFIX } })
    .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
    .send();
  return Items;
};

/** The shift, or 404 SHIFT_NOT_FOUND when the directory has not heard of it. */
export const getShift = async (shiftId: string): Promise<Shift> => {
  const shift = await findShift(shiftId);
  if (!shift) throw notFound('shift', shiftId);
  return shift;
};
