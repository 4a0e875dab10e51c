import {
  $add,
  Entity,
  type FormattedItem,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
  UpdateTransaction,
  executeTransactWrite,
  item,
  string,
} from 'dynamodb-toolbox';
import { retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { CLAIM_STATUSES, type Claim, isActive } from '../domain/claim';
import { type Place, claimCancelled } from '../domain/stats/counters';
import { ShiftEntity } from './activities';
import { keys } from './keys';
import { type Schedule, scheduleWrite } from './schedule';
import { statsWrite } from './stats';
import { outbox, table } from './table';

/** One claim per shift and volunteer: the key itself forbids a second active one. */
export const ClaimEntity = new Entity({
  name: 'Claim',
  table,
  schema: item({
    shiftId: string().key(),
    volunteerId: string().key(),
    claimId: string(),
    activityId: string(),
    volunteerName: string().optional(),
    status: string().enum(...CLAIM_STATUSES),
    waitKey: string().optional(),
    activityTitle: string(),
    startsAt: string(),
    endsAt: string(),
    createdAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ shiftId, volunteerId }) => keys.claim(shiftId, volunteerId),
  timestamps: false,
});

type ClaimItem = FormattedItem<typeof ClaimEntity>;

const toClaim = ({ gsi1pk: _pk, gsi1sk: _sk, ...claim }: ClaimItem): Claim => claim;

export const findClaim = async (shiftId: string, volunteerId: string): Promise<Claim | undefined> => {
  const { Item } = await ClaimEntity.build(GetItemCommand).key({ shiftId, volunteerId }).options({ consistent: true }).send();
  return Item && toClaim(Item);
};

/** The active claims of a shift (its partition holds them), read consistently. */
export const claimsOfShift = async (shiftId: string): Promise<Claim[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ClaimEntity)
    .query({ partition: keys.claimsOfShift(shiftId), range: { beginsWith: keys.claimPrefix } })
    .options({ consistent: true, maxPages: Infinity })
    .send();
  return Items.map(toClaim).filter(isActive);
};

/**
 * The waitKeys of the shift's waiting claims, sorted: a waiting claim's position counts the
 * waiting claims whose key is not after its own (the key orders the line; see domain/waitlist).
 */
export const waitingKeys = async (shiftId: string): Promise<string[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ClaimEntity)
    .query({ partition: keys.claimsOfShift(shiftId), range: { beginsWith: keys.claimPrefix } })
    .options({ consistent: true, maxPages: Infinity, filters: { Claim: { attr: 'status', eq: 'waitlisted' } } })
    .send();
  return Items.map((c) => c.waitKey ?? '').sort();
};

/** A volunteer's claims (gsi1), every status, by shift start. */
const volunteerClaims = (volunteerId: string) =>
  table.build(QueryCommand).entities(ClaimEntity).query({ index: 'gsi1', partition: keys.claimsOfVolunteer(volunteerId) });

/** A volunteer's most recent claims, newest shift first. */
export const MY_CLAIMS_LIMIT = 100;

export const claimsOf = async (volunteerId: string): Promise<Claim[]> => {
  const { Items = [] } = await volunteerClaims(volunteerId).options({ reverse: true, limit: MY_CLAIMS_LIMIT }).send();
  return Items.map(toClaim);
};

/** Every claim a volunteer ever made, page after page of their own partition (an erasure must reach them all). */
export const allClaimsOf = async (volunteerId: string): Promise<Claim[]> => {
  const { Items = [] } = await volunteerClaims(volunteerId).options({ maxPages: Infinity }).send();
  return Items.map(toClaim);
};

/** One of the volunteer's claims by id (someone else's is not found). */
export const findOwnClaim = async (volunteerId: string, claimId: string): Promise<Claim | undefined> => {
  const { Items = [] } = await volunteerClaims(volunteerId)
    .options({ filters: { Claim: { attr: 'claimId', eq: claimId } }, maxPages: Infinity })
    .send();
  const found = Items[0];
  return found && findClaim(found.shiftId, found.volunteerId);
};

/** A new claim, or one replacing a cancelled claim of the same volunteer and shift. */
export const claimPut = (claim: Claim) =>
  ClaimEntity.build(PutTransaction)
    .item({ ...claim, gsi1pk: keys.claimsOfVolunteer(claim.volunteerId), gsi1sk: keys.claimOrder(claim.startsAt, claim.shiftId) })
    .options({ condition: { or: [{ attr: 'volunteerId', exists: false }, { attr: 'status', eq: 'cancelled' }] } });

/**
 * The claim's name alone becomes `pseudonym`, whatever its status; an absent claim is not
 * created. Every other write of a claim updates its status only, or puts a new claim.
 */
export const pseudonymizeClaim = (claim: Pick<Claim, 'shiftId' | 'volunteerId'>, pseudonym: string) =>
  ClaimEntity.build(UpdateItemCommand)
    .item({ shiftId: claim.shiftId, volunteerId: claim.volunteerId, volunteerName: pseudonym })
    .options({ condition: { attr: 'claimId', exists: true } })
    .send();

export const claimStatusWrite = (claim: Claim, status: Claim['status']) =>
  ClaimEntity.build(UpdateTransaction)
    .item({ shiftId: claim.shiftId, volunteerId: claim.volunteerId, status })
    .options({ condition: { attr: 'status', eq: claim.status } });

export interface ClaimCancellation {
  /** The claim as read: the writes are conditioned on its status. */
  claim: Claim;
  /** The head of the waitlist, promoted into the place a confirmed claim frees. */
  promoted?: Claim;
  /** Where the claim counts in the stats. */
  place: Place;
  /** The volunteer's schedule as read, rewritten without the shift. */
  schedule: Schedule;
  /** ClaimCancelled, and for a promotion WaitlistPromoted and ShiftClaimed. */
  events: Envelope[];
  now: Date;
}

/**
 * Cancel one claim in one transaction: its status, the shift's counts (the promoted claim
 * takes the place; with nobody promoted the place is freed on the condition that still
 * nobody waits), the volunteer's schedule, the grid's stats and the events. A condition
 * failing (another claim or cancellation got there first) throws: the caller reads again.
 */
export const commitClaimCancellation = async ({ claim, promoted, place, schedule, events, now }: ClaimCancellation): Promise<void> => {
  const key = { activityId: claim.activityId, shiftId: claim.shiftId };
  const shiftWrite = claim.status === 'waitlisted' || promoted
    ? ShiftEntity.build(UpdateTransaction).item({ ...key, waitlisted: $add(-1) })
    : ShiftEntity.build(UpdateTransaction)
        .item({ ...key, confirmed: $add(-1) })
        .options({ condition: { or: [{ attr: 'waitlisted', exists: false }, { attr: 'waitlisted', eq: 0 }] } });
  await retryOnConflict(() =>
    executeTransactWrite(
      claimStatusWrite(claim, 'cancelled'),
      shiftWrite,
      scheduleWrite(schedule, schedule.bookings.filter((b) => b.shiftId !== claim.shiftId), now),
      statsWrite(place, claim.activityId, claimCancelled(claim.status, promoted !== undefined)),
      ...(promoted ? [claimStatusWrite(promoted, 'confirmed')] : []),
      ...(events.map((e) => outboxPut(outbox, e)) as never[]),
    ),
  );
};
