import { Entity, GetItemCommand, PutTransaction, item, number, string } from 'dynamodb-toolbox';
import { notFound } from '@lianxin/shared/errors';
import type { Shift } from '../domain/shift';
import { table } from './table';

/** The shift directory: what ActivityPublished.v1 said about each shift. */
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
  }),
  computeKey: ({ shiftId }) => ({ pk: `SHIFT#${shiftId}`, sk: 'SHIFT' }),
  timestamps: false,
});

export interface RosterEntry {
  shiftId: string;
  volunteerId: string;
  claimId: string;
  activityId: string;
}

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
  computeKey: ({ shiftId, volunteerId }) => ({ pk: `SHIFT#${shiftId}`, sk: `ROSTER#${volunteerId}` }),
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

export const putShift = (shift: Shift) => ShiftEntity.build(PutTransaction).item(shift);

export const putRosterEntry = (entry: RosterEntry) => RosterEntryEntity.build(PutTransaction).item(entry);

export const findShift = async (shiftId: string): Promise<Shift | undefined> =>
  (await ShiftEntity.build(GetItemCommand).key({ shiftId }).options({ consistent: true }).send()).Item;

export const isOnRoster = async (shiftId: string, volunteerId: string): Promise<boolean> => {
  const { Item } = await RosterEntryEntity.build(GetItemCommand).key({ shiftId, volunteerId }).options({ consistent: true }).send();
  if (!Item) return false;
  const cancelled = await CancelledClaimEntity.build(GetItemCommand).key({ claimId: Item.claimId }).options({ consistent: true }).send();
  return !cancelled.Item;
};

/** The shift, or 404 SHIFT_NOT_FOUND when the directory has not heard of it. */
export const getShift = async (shiftId: string): Promise<Shift> => {
  const shift = await findShift(shiftId);
  if (!shift) throw notFound('shift', shiftId);
  return shift;
};
