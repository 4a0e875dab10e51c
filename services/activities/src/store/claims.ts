import { $add, type Condition, Entity, type FormattedItem, GetItemCommand, PutTransaction, QueryCommand, UpdateTransaction, executeTransactWrite, item, string } from 'dynamodb-toolbox';
import { cancellationCodes, retryOnConflict } from '@lianxin/shared/db/transact';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { CLAIM_STATUSES, type Claim, activityNotOpen, alreadyClaimed, overlappingClaim } from '../domain/claim';
import type { Shift } from '../domain/activity';
import { findOverlap, headOf } from '../domain/waitlist';
import { ShiftEntity } from './activities';
import { keys } from './keys';
import { type Booking, type Schedule, readSchedule, scheduleWrite } from './schedule';
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

/**
 * Volunteers racing for one shift conflict on its item (TransactionConflict): retry those.
 * Twelve jittered attempts stay within a few seconds, well inside the Lambda timeout.
 */
const CLAIM_ATTEMPTS = 12;
/** Rounds of read-then-write when a condition shows the state moved on since the read. */
const ROUNDS = 20;

/** Open to claims: published (shifts written before drafts existed have no state). */
const open: Condition<typeof ShiftEntity> = { or: [{ attr: 'state', exists: false }, { attr: 'state', eq: 'open' }] };

const bookingOf = ({ shiftId, activityId, startsAt, endsAt }: Claim): Booking => ({ shiftId, activityId, startsAt, endsAt });

export const findClaim = async (shiftId: string, volunteerId: string): Promise<Claim | undefined> => {
  const { Item } = await ClaimEntity.build(GetItemCommand).key({ shiftId, volunteerId }).options({ consistent: true }).send();
  return Item && toClaim(Item);
};

const isActive = (claim: Claim | undefined) => claim?.status === 'confirmed' || claim?.status === 'waitlisted';

/**
 * The volunteer's schedule, checked for the new shift. A booking whose claim is no longer
 * active (its activity was cancelled, which releases claims without touching schedules)
 * is dropped rather than trusted.
 */
const bookableSchedule = async (claim: Claim): Promise<{ schedule: Schedule; bookings: Booking[] }> => {
  const schedule = await readSchedule(claim.volunteerId);
  let bookings = schedule.bookings;
  for (;;) {
    if (bookings.some((b) => b.shiftId === claim.shiftId) && isActive(await findClaim(claim.shiftId, claim.volunteerId))) throw alreadyClaimed();
    const other = findOverlap(bookings, claim);
    if (!other) return { schedule, bookings: [...bookings.filter((b) => b.shiftId !== claim.shiftId), bookingOf(claim)] };
    if (isActive(await findClaim(other.shiftId, claim.volunteerId))) throw overlappingClaim(other.shiftId);
    bookings = bookings.filter((b) => b.shiftId !== other.shiftId);
  }
};

const claimPut = (claim: Claim) =>
  ClaimEntity.build(PutTransaction)
    .item({ ...claim, gsi1pk: keys.claimsOfVolunteer(claim.volunteerId), gsi1sk: keys.claimOrder(claim.startsAt, claim.shiftId) })
    .options({ condition: { or: [{ attr: 'volunteerId', exists: false }, { attr: 'status', eq: 'cancelled' }] } });

const shiftClaimed = (claim: Claim, now: Date) =>
  events.ShiftClaimedV1.make({ claimId: claim.claimId, activityId: claim.activityId, shiftId: claim.shiftId, volunteerId: claim.volunteerId }, claim.volunteerId, now);

/** Take a free place: the count rises only while below capacity and the shift is open. */
const confirmWrites = (claim: Claim, now: Date) => [
  ShiftEntity.build(UpdateTransaction)
    .item({ activityId: claim.activityId, shiftId: claim.shiftId, confirmed: $add(1) })
    .options({ condition: { and: [{ attr: 'shiftId', exists: true }, { attr: 'confirmed', lt: { attr: 'capacity' } }, open] } }),
  claimPut(claim),
  outboxPut(outbox, shiftClaimed(claim, now)),
];

/** Join the waitlist: only while every place is taken (else the claim should confirm). */
const waitlistWrites = (claim: Claim) => [
  ShiftEntity.build(UpdateTransaction)
    .item({ activityId: claim.activityId, shiftId: claim.shiftId, waitlisted: $add(1) })
    .options({ condition: { and: [{ attr: 'shiftId', exists: true }, { attr: 'confirmed', gte: { attr: 'capacity' } }, open] } }),
  claimPut({ ...claim, status: 'waitlisted' }),
];

const shiftState = async (activityId: string, shiftId: string) => {
  const { Item } = await ShiftEntity.build(GetItemCommand).key({ activityId, shiftId }).options({ consistent: true }).send();
  return Item;
};

/** Which write of a cancelled transaction failed its condition, if one did. */
const failedAt = (error: unknown): number => cancellationCodes(error)?.indexOf('ConditionalCheckFailed') ?? -1;

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

/** 1 for the head of the waitlist: how many wait before this claim, plus one (counted, not fetched). */
const waitlistPosition = async (claim: Claim): Promise<number> => {
  const { Count = 0 } = await table
    .build(QueryCommand)
    .entities(ClaimEntity)
    .query({ partition: keys.claimsOfShift(claim.shiftId), range: { beginsWith: keys.claimPrefix } })
    .options({
      consistent: true,
      select: 'COUNT',
      maxPages: Infinity,
      filters: { Claim: { and: [{ attr: 'status', eq: 'waitlisted' }, { attr: 'waitKey', lte: claim.waitKey ?? '' }] } },
    })
    .send();
  return Count;
};

export type SavedClaim = { claim: Claim; position?: number };

type Writes = Parameters<typeof executeTransactWrite>;

/** Commit, retrying lost races; answers the index of the write whose condition failed, or -1. */
const attempt = async (writes: Writes): Promise<number> => {
  try {
    await retryOnConflict(() => executeTransactWrite(...(writes as never[])), CLAIM_ATTEMPTS);
    return -1;
  } catch (error) {
    const at = failedAt(error);
    if (at < 0) throw error;
    return at;
  }
};

/**
 * Confirm the claim if a place is free, else put it on the waitlist, with the volunteer's
 * schedule rewritten in the same transaction (see ScheduleEntity). Capacity is decided only
 * by the shift's conditional count: never more confirmed claims than places. The shift is
 * read first only to pick the likelier write (a full shift is not hammered with doomed ones).
 */
export const saveClaim = async (claim: Claim, now: Date, seen: Pick<Shift, 'confirmed' | 'capacity'>): Promise<SavedClaim> => {
  for (let round = 0; round < ROUNDS; round++) {
    // The caller's consistent read of the activity serves the first round; later rounds re-read.
    const [{ schedule, bookings }, shift] = await Promise.all([bookableSchedule(claim), round ? shiftState(claim.activityId, claim.shiftId) : seen]);
    if (!shift) throw new Error(`shift ${claim.shiftId} vanished`);
    if ('state' in shift && shift.state && shift.state !== 'open') throw activityNotOpen(shift.state === 'draft' ? 'draft' : 'cancelled');
    const full = shift.confirmed >= shift.capacity;
    const waiting: Claim = { ...claim, status: full ? 'waitlisted' : 'confirmed' };
    const failed = await attempt([...(full ? waitlistWrites(claim) : confirmWrites(claim, now)), scheduleWrite(schedule, bookings, now)] as Writes);
    if (failed === 1) throw alreadyClaimed();
    if (failed >= 0) continue; // the shift filled or freed up, or the schedule moved on: read again
    return full ? { claim: waiting, position: await waitlistPosition(waiting) } : { claim };
  }
  throw new Error(`claim ${claim.claimId} kept racing for ${ROUNDS} rounds`);
};

/** A volunteer's most recent claims, newest shift first. */
export const MY_CLAIMS_LIMIT = 100;

export const claimsOf = async (volunteerId: string): Promise<Claim[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ClaimEntity)
    .query({ index: 'gsi1', partition: keys.claimsOfVolunteer(volunteerId) })
    .options({ reverse: true, limit: MY_CLAIMS_LIMIT })
    .send();
  return Items.map(toClaim);
};

/** One of the volunteer's claims by id (someone else's is not found). */
export const findOwnClaim = async (volunteerId: string, claimId: string): Promise<Claim | undefined> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ClaimEntity)
    .query({ index: 'gsi1', partition: keys.claimsOfVolunteer(volunteerId) })
    .options({ filters: { Claim: { attr: 'claimId', eq: claimId } }, maxPages: Infinity })
    .send();
  const found = Items[0];
  return found && findClaim(found.shiftId, found.volunteerId);
};

export const claimStatusWrite = (claim: Claim, status: Claim['status']) =>
  ClaimEntity.build(UpdateTransaction)
    .item({ shiftId: claim.shiftId, volunteerId: claim.volunteerId, status })
    .options({ condition: { attr: 'status', eq: claim.status } });

/**
 * Cancel one claim. A confirmed claim's place goes to the head of the waitlist in the same
 * transaction (`WaitlistPromoted` and `ShiftClaimed` for them); with nobody waiting the
 * place is freed, on the condition that still nobody waits. Any condition failing means
 * another claim or cancellation got there first: read again and retry.
 */
export const cancelClaim = async (claim: Claim, now: Date): Promise<{ promoted?: Claim }> => {
  for (let round = 0; round < ROUNDS; round++) {
    const current = await findClaim(claim.shiftId, claim.volunteerId);
    if (!current || !isActive(current)) return {};
    const schedule = await readSchedule(claim.volunteerId);
    const head = current.status === 'confirmed' ? headOf((await claimsOfShift(claim.shiftId)).filter((c) => c.status === 'waitlisted')) : undefined;
    const cancelled = events.ClaimCancelledV1.make(
      { claimId: current.claimId, activityId: current.activityId, shiftId: current.shiftId, volunteerId: current.volunteerId, wasStatus: current.status as 'confirmed' | 'waitlisted' },
      current.volunteerId,
      now,
    );
    const key = { activityId: current.activityId, shiftId: current.shiftId };
    const shiftWrite = current.status === 'waitlisted' || head
      ? ShiftEntity.build(UpdateTransaction).item({ ...key, waitlisted: $add(-1) })
      : ShiftEntity.build(UpdateTransaction)
          .item({ ...key, confirmed: $add(-1) })
          .options({ condition: { or: [{ attr: 'waitlisted', exists: false }, { attr: 'waitlisted', eq: 0 }] } });
    const promotion = head
      ? [
          claimStatusWrite(head, 'confirmed'),
          outboxPut(outbox, events.WaitlistPromotedV1.make({ claimId: head.claimId, activityId: head.activityId, shiftId: head.shiftId, volunteerId: head.volunteerId, replacedClaimId: current.claimId }, current.volunteerId, now)),
          outboxPut(outbox, shiftClaimed(head, now)),
        ]
      : [];
    try {
      await retryOnConflict(() =>
        executeTransactWrite(
          claimStatusWrite(current, 'cancelled'),
          shiftWrite,
          scheduleWrite(schedule, schedule.bookings.filter((b) => b.shiftId !== current.shiftId), now),
          outboxPut(outbox, cancelled),
          ...(promotion as never[]),
        ),
      );
      return head ? { promoted: { ...head, status: 'confirmed' } } : {};
    } catch (error) {
      if (failedAt(error) < 0) throw error;
    }
  }
  throw new Error(`cancellation of ${claim.claimId} kept racing for ${ROUNDS} rounds`);
};
