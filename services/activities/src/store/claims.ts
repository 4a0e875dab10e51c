import { $add, type Condition, Entity, type FormattedItem, GetItemCommand, PutTransaction, QueryCommand, UpdateTransaction, executeTransactWrite, item, string } from 'dynamodb-toolbox';
import { cancellationCodes, isTransientConflict, retryOnConflict } from '@lianxin/shared/db/transact';
import { AppError } from '@lianxin/shared/errors';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { CLAIM_STATUSES, type Claim, activityNotOpen, alreadyClaimed, overlappingClaim } from '../domain/claim';
import { findOverlap, headOf } from '../domain/waitlist';
import { type Place, statsWrite } from '../stats/store';
import { ShiftEntity, placeOf } from './activities';
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
 * Claims of one shift from other processes (Lambdas) conflict on the shift item
 * (TransactionConflict); within a process they share a batch (below). A handful of jittered
 * attempts, then the volunteer is told to retry (BUSY) rather than kept into the Lambda timeout.
 */
const CLAIM_ATTEMPTS = 5;
/** Rounds of re-planning a claim whose volunteer's schedule moved on since it was read. */
const ROUNDS = 6;
/**
 * How long a batch keeps re-reading a shift that other processes keep changing: bounded by
 * time, not by rounds, so a dozen Lambdas claiming one shift at once all get in (each round
 * one of them wins) while a real stampede is told BUSY well inside the Lambda timeout.
 */
const SHIFT_RACE_BUDGET_MS = 5_000;

/** A short random pause before re-reading a contended shift, so racing processes spread out. */
const backOff = (round: number) => new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(2 ** round, 32)));

/** 503 BUSY (the HTTP layer adds Retry-After): safe to retry with the same Idempotency-Key. */
export const claimBusy = () =>
  new AppError(503, 'BUSY', 'So many volunteers are claiming this shift right now that yours could not be handled; try again in a moment', { shiftId: 'busy, retry shortly' });

/** A lost race or a slow DynamoDB past the retries: the claim did not happen, or a retry finds it. */
const isOverload = (error: unknown) => isTransientConflict(error) || (error as { name?: string })?.name === 'TimeoutError';

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

export type SavedClaim = { claim: Claim; position?: number };

/**
 * Claims of one shift commit in batches. A rush of a thousand volunteers would otherwise
 * race for the shift item (its counts) one transaction each, most losing (TransactionConflict)
 * and retrying until DynamoDB times them out. Instead the claims of a shift queue in this
 * process and a batch commits in one transaction: the shift's counts rise by the batch on
 * the condition that they are still the ones read (so capacity holds, and the waiting
 * claims read for the positions are still the ones waiting); the first claims in arrival
 * order take the free places, the rest join the waitlist. In a Lambda, which serves one
 * request at a time, a batch is simply one claim.
 */
interface Claimant { claim: Claim; schedule: Schedule; bookings: Booking[]; now: Date; answer: (outcome: Outcome) => void }
/** `again`: the claimant's schedule moved on since it was read: read it again and rejoin. */
type Outcome = SavedClaim | { again: true } | { error: unknown };
/** `waiting`: the keys waiting after the line's last batch, so the next need not read them. */
interface Line { activityId: string; shiftId: string; queue: Claimant[]; waiting?: string[] }

/** Up to three writes per claim, one for the shift and one for the stats: within DynamoDB's 100 per transaction. */
const BATCH = 32;
const lines = new Map<string, Line>();

type ShiftItem = NonNullable<Awaited<ReturnType<typeof shiftState>>>;

/** `waitlisted` is absent on shifts written before waitlists existed. */
const waitlistedIs = (value: number): Condition<typeof ShiftEntity> =>
  value ? { attr: 'waitlisted', eq: value } : { or: [{ attr: 'waitlisted', exists: false }, { attr: 'waitlisted', eq: 0 }] };

/**
 * The waitKeys of the shift's waiting claims, sorted: a waiting claim's position counts the
 * waiting claims whose key is not after its own (the key orders the line; see domain/waitlist).
 */
const waitingKeys = async (shiftId: string): Promise<string[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ClaimEntity)
    .query({ partition: keys.claimsOfShift(shiftId), range: { beginsWith: keys.claimPrefix } })
    .options({ consistent: true, maxPages: Infinity, filters: { Claim: { attr: 'status', eq: 'waitlisted' } } })
    .send();
  return Items.map((c) => c.waitKey ?? '').sort();
};

/** The grid the claims count in: on the shift, or (older shifts) on its activity. */
const placeOfShift = async (line: Line, { gridId, communityId, streetId }: ShiftItem): Promise<Place> => {
  if (gridId && communityId && streetId) return { gridId, communityId, streetId };
  const place = await placeOf(line.activityId);
  if (!place) throw new Error(`activity ${line.activityId} vanished`);
  return place;
};

/**
 * The keys waiting before this batch, if it will have someone wait: remembered from the
 * line's previous batch while the shift's count still agrees, else read (once per burst,
 * not once per claim).
 */
const waitingNow = async (line: Line, shift: ShiftItem, joining: number): Promise<string[]> => {
  const count = shift.waitlisted ?? 0;
  if (count === 0 || shift.confirmed + joining <= shift.capacity) return [];
  if (line.waiting?.length === count) return line.waiting;
  return waitingKeys(line.shiftId);
};

/** A waiting claim's place in line now (for an answer that has none, such as a retry's). */
export const waitlistPosition = async (claim: Claim): Promise<number> =>
  (await waitingKeys(claim.shiftId)).filter((k) => k <= (claim.waitKey ?? '')).length;

/** 1-based positions of the batch's waiting claims among those already waiting and each other. */
const positionsOf = (waiting: string[], joining: Claim[]): number[] =>
  joining.map((c) => {
    const key = c.waitKey ?? '';
    return waiting.filter((k) => k <= key).length + joining.filter((j) => (j.waitKey ?? '') < key).length + 1;
  });

/**
 * The batch's writes (the shift's counts, each claim's, the grid's stats), whose each write
 * is (undefined: no claimant's), and each claimant's answer. The first claims in arrival
 * order take the free places; the others wait.
 */
const batchWrites = ({ activityId, shiftId }: Line, shift: ShiftItem, place: Place, waiting: string[], batch: Claimant[]) => {
  const free = Math.max(0, shift.capacity - shift.confirmed);
  const confirmed = Math.min(free, batch.length);
  const writes: unknown[] = [
    ShiftEntity.build(UpdateTransaction)
      .item({ activityId, shiftId, confirmed: $add(confirmed), waitlisted: $add(batch.length - confirmed) })
      .options({ condition: { and: [{ attr: 'confirmed', eq: shift.confirmed }, waitlistedIs(shift.waitlisted ?? 0), open] } }),
  ];
  const owners: (Claimant | undefined)[] = [undefined];
  const claims = batch.map((c, i): Claim => ({ ...c.claim, status: i < confirmed ? 'confirmed' : 'waitlisted' }));
  claims.forEach((claim, i) => {
    const { schedule, bookings, now } = batch[i]!;
    const own = [claimPut(claim), scheduleWrite(schedule, bookings, now), ...(i < confirmed ? [outboxPut(outbox, shiftClaimed(claim, now))] : [])];
    writes.push(...own);
    owners.push(...own.map(() => batch[i]));
  });
  writes.push(statsWrite(place, activityId, { claimsConfirmed: confirmed, claimsWaitlisted: batch.length - confirmed }));
  owners.push(undefined);
  const positions = positionsOf(waiting, claims.slice(confirmed));
  const outcomes = claims.map((claim, i): SavedClaim => (i < confirmed ? { claim } : { claim, position: positions[i - confirmed]! }));
  return { writes, owners, outcomes };
};

/**
 * Commit one batch, answering every claimant: a claim whose own write fails leaves the batch
 * (ALREADY_CLAIMED when its claim item is taken, `again` when its schedule moved on); when
 * the shift moved (another process claimed) it is read again. Closed shifts refuse all.
 */
const commitBatch = async (line: Line, batch: Claimant[]): Promise<void> => {
  let claimants = batch;
  const deadline = Date.now() + SHIFT_RACE_BUDGET_MS;
  for (let round = 0; claimants.length && (round === 0 || Date.now() < deadline); round++) {
    if (round > 0) await backOff(round);
    const shift = await shiftState(line.activityId, line.shiftId);
    if (!shift) throw new Error(`shift ${line.shiftId} vanished`);
    if (shift.state && shift.state !== 'open') throw activityNotOpen(shift.state === 'draft' ? 'draft' : 'cancelled');
    const [waiting, place] = await Promise.all([waitingNow(line, shift, claimants.length), placeOfShift(line, shift)]);
    const { writes, owners, outcomes } = batchWrites(line, shift, place, waiting, claimants);
    try {
      await retryOnConflict(() => executeTransactWrite(...(writes as never[])), CLAIM_ATTEMPTS);
      claimants.forEach((c, i) => c.answer(outcomes[i]!));
      line.waiting = [...waiting, ...outcomes.flatMap(({ claim }) => (claim.status === 'waitlisted' ? [claim.waitKey ?? ''] : []))].sort();
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes?.includes('ConditionalCheckFailed')) throw error;
      const failed = (at: number) => codes[at] === 'ConditionalCheckFailed';
      // A claimant's first write is its claim; a failure of the shift's write alone means: read it again.
      const out = claimants.filter((c) => owners.some((o, at) => o === c && failed(at)));
      for (const c of out) c.answer(failed(owners.indexOf(c)) ? { error: alreadyClaimed() } : { again: true });
      claimants = claimants.filter((c) => !out.includes(c));
    }
  }
  claimants.forEach((c) => c.answer({ error: claimBusy() }));
};

/** The next batch: in arrival order, one claim per volunteer (a transaction names an item once). */
const takeBatch = (queue: Claimant[]): Claimant[] => {
  const volunteers = new Set<string>();
  const batch = queue.filter((c) => volunteers.size < BATCH && !volunteers.has(c.claim.volunteerId) && volunteers.add(c.claim.volunteerId));
  for (const c of batch) queue.splice(queue.indexOf(c), 1);
  return batch;
};

/** Drain a shift's line batch by batch (a claimant already answered ignores a second answer). */
const drain = async (line: Line) => {
  while (line.queue.length) {
    const batch = takeBatch(line.queue);
    await commitBatch(line, batch).catch((error: unknown) => batch.forEach((c) => c.answer({ error })));
  }
  lines.delete(line.shiftId);
};

/** Queue for the shift's next batch; whoever finds the line idle starts draining it. */
const enqueue = (claim: Claim, schedule: Schedule, bookings: Booking[], now: Date) =>
  new Promise<Outcome>((answer) => {
    const claimant = { claim, schedule, bookings, now, answer };
    const line = lines.get(claim.shiftId);
    if (line) {
      line.queue.push(claimant);
      return;
    }
    const started: Line = { activityId: claim.activityId, shiftId: claim.shiftId, queue: [claimant] };
    lines.set(claim.shiftId, started);
    void drain(started);
  });

/**
 * Confirm the claim if a place is free, else put it on the waitlist, with the volunteer's
 * schedule rewritten in the same transaction (see ScheduleEntity). Capacity is decided only
 * by the shift's conditional counts: never more confirmed claims than places. A claim that
 * lost every race (or met a DynamoDB too slow to answer) is answered BUSY: 503, nothing
 * half-written, so a retry with the same Idempotency-Key is safe.
 */
export const saveClaim = async (claim: Claim, now: Date): Promise<SavedClaim> => {
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const { schedule, bookings } = await bookableSchedule(claim);
      const outcome = await enqueue(claim, schedule, bookings, now);
      if ('error' in outcome) throw outcome.error;
      if ('claim' in outcome) return outcome;
    }
    throw claimBusy();
  } catch (error) {
    throw isOverload(error) ? claimBusy() : error;
  }
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
 * another claim or cancellation got there first: read again and retry. The grid's stats
 * (`place`) count the change in the same transaction.
 */
export const cancelClaim = async (claim: Claim, place: Place, now: Date): Promise<{ promoted?: Claim }> => {
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
    const stats = statsWrite(place, current.activityId, {
      claimsCancelled: 1,
      claimsConfirmed: current.status === 'confirmed' && !head ? -1 : 0,
      claimsWaitlisted: current.status === 'waitlisted' || head ? -1 : 0,
    });
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
          stats,
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
