import { $remove, UpdateTransaction, executeTransactWrite } from 'dynamodb-toolbox';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import type { Activity } from '../domain/activity';
import type { Claim } from '../domain/claim';
import { cancelled } from '../domain/stats/counters';
import { ActivityEntity, ShiftEntity } from './activities';
import { claimStatusWrite } from './claims';
import { geoEntryDelete } from './nearby';
import { statsWrite } from './stats';
import { outbox } from './table';

/** A transaction holds at most 100 writes; claims beyond the first transaction follow in batches. */
const TRANSACTION_LIMIT = 100;

type Write = ReturnType<typeof claimStatusWrite>;

/**
 * The activity item and its shifts as cancelled: out of every listing, shifts closed and
 * emptied. Each shift must still hold the counts read with its claims, so a claim that
 * raced in fails this write (the caller re-reads) instead of being left out of the event
 * (or of the stats, which a draft was never in).
 */
const cancellationWrites = (activity: Activity, reason: string) => [
  ...(activity.status === 'published' ? [statsWrite(activity, activity.activityId, cancelled(activity))] : []),
  geoEntryDelete(activity),
  ActivityEntity.build(UpdateTransaction)
    .item({ activityId: activity.activityId, status: 'cancelled', cancelReason: reason, gsi1pk: $remove(), gsi1sk: $remove(), gsi2pk: $remove(), gsi2sk: $remove() })
    .options({ condition: { attr: 'status', eq: activity.status } }),
  ...activity.shifts.map((shift) =>
    ShiftEntity.build(UpdateTransaction)
      .item({ activityId: activity.activityId, shiftId: shift.shiftId, state: 'cancelled', confirmed: 0, waitlisted: 0 })
      .options({ condition: { and: [{ attr: 'confirmed', eq: shift.confirmed }, { or: [{ attr: 'waitlisted', exists: false }, { attr: 'waitlisted', eq: shift.waitlisted }] }] } }),
  ),
];

/**
 * Commit an activity's cancellation: its status, its shifts, the stats and `ActivityCancelled`
 * together with as many claim releases as fit, conditioned on the counts read with `claims`
 * (a failed condition throws: the caller re-reads). Answers the releases left over, for
 * `releaseClaims`.
 */
export const commitCancellation = async (activity: Activity, reason: string, claims: Claim[], event: Envelope): Promise<Write[]> => {
  const head = [...cancellationWrites(activity, reason), outboxPut(outbox, event)];
  const releases = claims.map((c) => claimStatusWrite(c, 'cancelled'));
  const room = TRANSACTION_LIMIT - head.length;
  await executeTransactWrite(...(head as never[]), ...(releases.slice(0, room) as never[]));
  return releases.slice(room);
};

/**
 * Mark the remaining claims cancelled, in batches. Should that be cut short, the claims are
 * already unusable (their shift is closed) and a volunteer's schedule drops them when it
 * meets them.
 */
export const releaseClaims = async (releases: Write[]): Promise<void> => {
  for (let i = 0; i < releases.length; i += TRANSACTION_LIMIT) {
    await executeTransactWrite(...(releases.slice(i, i + TRANSACTION_LIMIT) as never[]));
  }
};
