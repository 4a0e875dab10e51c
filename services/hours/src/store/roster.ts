import { Entity, GetItemCommand, PutTransaction, QueryCommand, item, string } from 'dynamodb-toolbox';
import { table } from './table';

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

export interface CancelledClaim {
  claimId: string;
  shiftId: string;
  volunteerId: string;
}

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

export const putRosterEntry = (entry: RosterEntry) => RosterEntryEntity.build(PutTransaction).item(entry);

export const putCancelledClaim = (claim: CancelledClaim) => CancelledClaimEntity.build(PutTransaction).item(claim);

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
