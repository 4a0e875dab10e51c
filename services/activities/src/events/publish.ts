import { events } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import type { Activity } from '../domain/activity';
import type { Claim } from '../domain/claim';
import type { EmergencyCall, EscalationPlan } from '../domain/emergency/call';
import type { Wish } from '../domain/wishes/wish';

/**
 * Every event the activities service publishes, built from the shared catalog. Use cases
 * build them here and commit them with the change they record (the store's outbox put).
 */

/** A new or newly published activity with its shifts (hours keeps its shift directory from it). */
export const activityPublished = (activity: Activity, now: Date) =>
  events.ActivityPublishedV1.make(
    {
      activityId: activity.activityId,
      orgId: activity.orgId,
      gridId: activity.gridId,
      communityId: activity.communityId,
      title: activity.title,
      pointsPerHour: activity.pointsPerHour,
      category: activity.category,
      shifts: activity.shifts.map(({ shiftId, startsAt, endsAt, capacity }) => ({ shiftId, startsAt, endsAt, capacity })),
    },
    activity.createdBy,
    now,
  );

/** A cancelled activity, naming every claim that was active, so claimants can be told. */
export const activityCancelled = (activity: Activity, reason: string, claims: Claim[], actor: string, now: Date) =>
  events.ActivityCancelledV1.make(
    {
      activityId: activity.activityId,
      orgId: activity.orgId,
      reason,
      claims: claims.map(({ claimId, shiftId, volunteerId, status }) => ({ claimId, shiftId, volunteerId, status: status as 'confirmed' | 'waitlisted' })),
    },
    actor,
    now,
  );

/** A place held: on a confirmed claim, and for a volunteer promoted from the waitlist. */
export const shiftClaimed = (claim: Claim, now: Date) =>
  events.ShiftClaimedV1.make({ claimId: claim.claimId, activityId: claim.activityId, shiftId: claim.shiftId, volunteerId: claim.volunteerId }, claim.volunteerId, now);

export const claimCancelled = (claim: Claim, now: Date) =>
  events.ClaimCancelledV1.make(
    { claimId: claim.claimId, activityId: claim.activityId, shiftId: claim.shiftId, volunteerId: claim.volunteerId, wasStatus: claim.status as 'confirmed' | 'waitlisted' },
    claim.volunteerId,
    now,
  );

/** The head of the waitlist takes the place `replaced` gave up. */
export const waitlistPromoted = (head: Claim, replaced: Claim, now: Date) =>
  events.WaitlistPromotedV1.make(
    { claimId: head.claimId, activityId: head.activityId, shiftId: head.shiftId, volunteerId: head.volunteerId, replacedClaimId: replaced.claimId },
    replaced.volunteerId,
    now,
  );

export const wishPosted = (wish: Wish, now: Date) =>
  events.WishPostedV1.make({ wishId: wish.wishId, gridId: wish.gridId, communityId: wish.communityId, postedBy: wish.postedBy }, wish.postedBy, now);

/** What a transition's event needs beyond the wish: the organizations serving its grid (on confirmation). */
export interface TransitionContext { orgIds?: string[] }

/** The event that records a wish's transition, by the status it reaches. */
export const wishTransitioned = (w: Wish, actor: string, now: Date, { orgIds = [] }: TransitionContext = {}): Envelope => {
  switch (w.status) {
    case 'open':
    case 'rejected':
      return events.WishReviewedV1.make(
        { wishId: w.wishId, outcome: w.status === 'open' ? 'approved' : 'rejected', reviewedBy: actor, ...(w.rejectReason ? { reason: w.rejectReason } : {}) },
        actor,
        now,
      );
    case 'claimed':
      return events.WishClaimedV1.make({ wishId: w.wishId, volunteerId: w.claimedBy!, ...(w.onBehalfOf ? { onBehalfOf: w.onBehalfOf } : {}) }, actor, now);
    case 'fulfilled':
      return events.WishFulfilmentReportedV1.make({ wishId: w.wishId, volunteerId: w.claimedBy!, minutes: w.minutes! }, actor, now);
    case 'confirmed':
      return events.WishFulfilledV1.make(
        {
          wishId: w.wishId,
          // The hours are the doer's; the claimant and the poster may not verify them.
          volunteerId: w.doneBy ?? w.claimedBy!,
          gridId: w.gridId,
          communityId: w.communityId,
          minutes: w.minutes!,
          confirmedAt: w.confirmedAt!,
          orgIds,
          postedBy: w.postedBy,
          claimedBy: w.claimedBy!,
        },
        actor,
        now,
      );
    default:
      throw new Error(`No transition reaches ${w.status}`);
  }
};

export const emergencyCallIssued = (call: EmergencyCall, now: Date) =>
  events.EmergencyCallIssuedV1.make(
    { callId: call.callId, orgId: call.orgId, title: call.title, gridIds: call.gridIds, targetHeadcount: call.targetHeadcount, escalateAt: call.escalateAt! },
    call.issuedBy,
    now,
  );

export const emergencyCallEscalated = (call: EmergencyCall, plan: Extract<EscalationPlan, { kind: 'widen' }>, now: Date) =>
  events.EmergencyCallEscalatedV1.make(
    {
      callId: call.callId,
      level: plan.level,
      communityIds: call.communityIds,
      streetIds: plan.level === 'street' ? call.streetIds : [],
      accepted: call.accepted,
      targetHeadcount: call.targetHeadcount,
    },
    'system:escalation',
    now,
  );
