import { $add, type Condition, GetItemCommand, UpdateTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import { cancellationCodes, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { retry } from '@lianxin/shared/retry';
import { type Claim, type SavedClaim, activityNotOpen, alreadyClaimed, claimBusy } from '../domain/claim';
import { type Place, claimed } from '../domain/stats/counters';
import { allot } from '../domain/waitlist';
import { ShiftEntity, placeOf } from './activities';
import { claimPut, waitingKeys } from './claims';
import { type Booking, type Schedule, scheduleWrite } from './schedule';
import { statsWrite } from './stats';
import { outbox } from './table';

/**
 * Claims of one shift commit in batches. A rush of a thousand volunteers would otherwise
 * race for the shift item (its counts) one transaction each, most losing (TransactionConflict)
 * and retrying until DynamoDB times them out. Instead the claims of a shift queue in this
 * process and a batch commits in one transaction: the shift's counts rise by the batch on
 * the condition that they are still the ones read (so capacity holds, and the waiting
 * claims read for the positions are still the ones waiting); the first claims in arrival
 * order take the free places, the rest join the waitlist (domain/waitlist.ts `allot`). In a
 * Lambda, which serves one request at a time, a batch is simply one claim.
 */
export interface Claimant {
  claim: Claim;
  /** The volunteer's schedule as read, and its bookings with this claim's shift. */
  schedule: Schedule;
  bookings: Booking[];
  /** ShiftClaimed for the claim, should it take a place. */
  claimedEvent: (claim: Claim) => Envelope;
  now: Date;
}

/** `again`: the claimant's schedule moved on since it was read: read it again and rejoin. */
export type BatchOutcome = SavedClaim | 'again';

type Queued = Claimant & { answer: (outcome: BatchOutcome | { error: unknown }) => void };
/** `waiting`: the keys waiting after the line's last batch, so the next need not read them. */
interface Line { activityId: string; shiftId: string; queue: Queued[]; waiting?: string[] }

/**
 * Claims of one shift from other processes (Lambdas) conflict on the shift item
 * (TransactionConflict); within a process they share a batch. A handful of jittered
 * attempts, then the volunteer is told to retry (BUSY) rather than kept into the Lambda timeout.
 */
const CLAIM_ATTEMPTS = 5;
/**
 * How long a batch keeps re-reading a shift that other processes keep changing: bounded by
 * time, not by rounds, so a dozen Lambdas claiming one shift at once all get in (each round
 * one of them wins) while a real stampede is told BUSY well inside the Lambda timeout.
 */
const SHIFT_RACE_BUDGET_MS = 5_000;
/** Up to three writes per claim, one for the shift and one for the stats: within DynamoDB's 100 per transaction. */
const BATCH = 32;
const lines = new Map<string, Line>();

/** Another process changed the shift since it was read: read it again (after a short, random pause). */
class ShiftMoved extends Error {}

const shiftState = async (activityId: string, shiftId: string) => {
  const { Item } = await ShiftEntity.build(GetItemCommand).key({ activityId, shiftId }).options({ consistent: true }).send();
  return Item;
};

type ShiftItem = NonNullable<Awaited<ReturnType<typeof shiftState>>>;

/** Open to claims: published (shifts written before drafts existed have no state). */
const open: Condition<typeof ShiftEntity> = { or: [{ attr: 'state', exists: false }, { attr: 'state', eq: 'open' }] };

/** `waitlisted` is absent on shifts written before waitlists existed. */
const waitlistedIs = (value: number): Condition<typeof ShiftEntity> =>
  value ? { attr: 'waitlisted', eq: value } : { or: [{ attr: 'waitlisted', exists: false }, { attr: 'waitlisted', eq: 0 }] };

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

/**
 * The batch's writes (the shift's counts, each claim's, the grid's stats), whose each write
 * is (undefined: no claimant's), and each claimant's answer.
 */
const batchWrites = ({ activityId, shiftId }: Line, shift: ShiftItem, place: Place, waiting: string[], batch: Queued[]) => {
  const { confirmed, positions } = allot(shift.capacity - shift.confirmed, waiting, batch.map((c) => c.claim.waitKey ?? ''));
  const writes: unknown[] = [
    ShiftEntity.build(UpdateTransaction)
      .item({ activityId, shiftId, confirmed: $add(confirmed), waitlisted: $add(batch.length - confirmed) })
      .options({ condition: { and: [{ attr: 'confirmed', eq: shift.confirmed }, waitlistedIs(shift.waitlisted ?? 0), open] } }),
  ];
  const owners: (Queued | undefined)[] = [undefined];
  const claims = batch.map((c, i): Claim => ({ ...c.claim, status: i < confirmed ? 'confirmed' : 'waitlisted' }));
  claims.forEach((claim, i) => {
    const { schedule, bookings, now, claimedEvent } = batch[i]!;
    const own = [claimPut(claim), scheduleWrite(schedule, bookings, now), ...(i < confirmed ? [outboxPut(outbox, claimedEvent(claim))] : [])];
    writes.push(...own);
    owners.push(...own.map(() => batch[i]));
  });
  writes.push(statsWrite(place, activityId, claimed(confirmed, batch.length - confirmed)));
  owners.push(undefined);
  const outcomes = claims.map((claim, i): SavedClaim => (i < confirmed ? { claim } : { claim, position: positions[i - confirmed]! }));
  return { writes, owners, outcomes };
};

/**
 * Commit one batch, answering every claimant: a claim whose own write fails leaves the batch
 * (ALREADY_CLAIMED when its claim item is taken, `again` when its schedule moved on); when
 * the shift moved (another process claimed) it is read again, within the race budget, after
 * which the rest are answered BUSY. Closed shifts refuse all.
 */
const commitBatch = async (line: Line, batch: Queued[]): Promise<void> => {
  let claimants = batch;
  const deadline = Date.now() + SHIFT_RACE_BUDGET_MS;
  const round = async () => {
    const shift = await shiftState(line.activityId, line.shiftId);
    if (!shift) throw new Error(`shift ${line.shiftId} vanished`);
    if (shift.state && shift.state !== 'open') throw activityNotOpen(shift.state === 'draft' ? 'draft' : 'cancelled');
    const [waiting, place] = await Promise.all([waitingNow(line, shift, claimants.length), placeOfShift(line, shift)]);
    const { writes, owners, outcomes } = batchWrites(line, shift, place, waiting, claimants);
    try {
      await retryOnConflict(() => executeTransactWrite(...(writes as never[])), CLAIM_ATTEMPTS);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes?.includes('ConditionalCheckFailed')) throw error;
      const failed = (at: number) => codes[at] === 'ConditionalCheckFailed';
      // A claimant's first write is its claim; a failure of the shift's write alone means: read it again.
      const out = claimants.filter((c) => owners.some((o, at) => o === c && failed(at)));
      for (const c of out) c.answer(failed(owners.indexOf(c)) ? { error: alreadyClaimed() } : 'again');
      claimants = claimants.filter((c) => !out.includes(c));
      if (claimants.length) throw new ShiftMoved();
      return;
    }
    claimants.forEach((c, i) => c.answer(outcomes[i]!));
    line.waiting = [...waiting, ...outcomes.flatMap(({ claim }) => (claim.status === 'waitlisted' ? [claim.waitKey ?? ''] : []))].sort();
  };
  try {
    await retry(round, {
      retryable: (error) => error instanceof ShiftMoved && Date.now() < deadline,
      tries: Number.POSITIVE_INFINITY,
      baseDelayMs: 10,
      maxDelayMs: 320,
      budgetMs: SHIFT_RACE_BUDGET_MS,
    });
  } catch (error) {
    if (!(error instanceof ShiftMoved)) throw error;
    claimants.forEach((c) => c.answer({ error: claimBusy() }));
  }
};

/** The next batch: in arrival order, one claim per volunteer (a transaction names an item once). */
const takeBatch = (queue: Queued[]): Queued[] => {
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

/**
 * Commit a claim with its volunteer's schedule in the shift's next batch: confirmed if a
 * place is free, else waitlisted. Capacity is decided only by the shift's conditional
 * counts: never more confirmed claims than places. Throws the claim's refusal (ALREADY_CLAIMED,
 * ACTIVITY_NOT_OPEN, BUSY once the shift's race budget is spent).
 */
export const commitClaim = (claimant: Claimant): Promise<BatchOutcome> =>
  new Promise<BatchOutcome | { error: unknown }>((answer) => {
    const queued = { ...claimant, answer };
    const line = lines.get(claimant.claim.shiftId);
    if (line) {
      line.queue.push(queued);
      return;
    }
    const started: Line = { activityId: claimant.claim.activityId, shiftId: claimant.claim.shiftId, queue: [queued] };
    lines.set(claimant.claim.shiftId, started);
    void drain(started);
  }).then((outcome) => {
    if (typeof outcome === 'object' && 'error' in outcome) throw outcome.error;
    return outcome;
  });
