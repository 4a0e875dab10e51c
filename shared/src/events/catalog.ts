import { z } from 'zod';
import { type Envelope, type Service, detailTypeOf, envelope } from './envelope';

/**
 * Every event in Lianxin, typed and versioned in one place. A breaking change adds a new
 * version beside the old one; consumers subscribe to exact `Type.vN` detail-types.
 */
const defineEvent = <S extends z.ZodType>(producer: Service, type: string, version: number, data: S) => ({
  producer,
  type,
  version,
  detailType: detailTypeOf(type, version),
  data,
  make: (payload: z.infer<S>, actor: string, at?: Date): Envelope<z.infer<S>> =>
    envelope(producer, type, version, data.parse(payload), actor, at),
});

const isoTime = z.iso.datetime();
const points = z.number().int().safe().nonnegative();

export const ShiftInfo = z.object({
  shiftId: z.string(),
  startsAt: isoTime,
  endsAt: isoTime,
  capacity: z.number().int().positive(),
});

export const events = {
  ActivityPublishedV1: defineEvent('activities', 'ActivityPublished', 1, z.object({
    activityId: z.string(),
    orgId: z.string(),
    gridId: z.string(),
    communityId: z.string(),
    title: z.string(),
    pointsPerHour: z.number().int().positive(),
    shifts: z.array(ShiftInfo).min(1),
    /** The activity's category (助老, 医疗, …): the earning policy's coefficient is chosen by it. */
    category: z.string().optional(),
  })),
  ShiftClaimedV1: defineEvent('activities', 'ShiftClaimed', 1, z.object({
    claimId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
  })),
  /**
   * An organizer verified an hour log (or a resident confirmed a micro-wish). Hours says
   * what was done (minutes and context); the ledger's earning policy alone turns it into
   * points, so v2 carries no amount.
   */
  HoursVerifiedV2: defineEvent('hours', 'HoursVerified', 2, z.object({
    hourLogId: z.string(),
    volunteerId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    orgId: z.string(),
    communityId: z.string(),
    minutes: z.number().int().nonnegative(),
    /** A shift of a published activity, or a fulfilled micro-wish (微心愿). */
    kind: z.enum(['shift', 'wish']),
    /** The activity's published rate; absent for a wish, whose rate the policy sets. */
    pointsPerHour: z.number().int().positive().optional(),
    verifiedBy: z.string(),
    /** The activity's category, for the earning policy's category coefficient. */
    category: z.string().optional(),
    /** An organizer's discretionary bonus for this hour log; the policy caps it. */
    bonusPoints: points.optional(),
  })),
  HoursRejectedV1: defineEvent('hours', 'HoursRejected', 1, z.object({
    hourLogId: z.string(),
    volunteerId: z.string(),
    shiftId: z.string(),
    reason: z.string(),
    rejectedBy: z.string(),
  })),
  TransferCommittedV1: defineEvent('ledger', 'TransferCommitted', 1, z.object({
    transferId: z.string(),
    kind: z.enum(['EARN', 'HOLD', 'POST', 'VOID', 'AWARD', 'DEDUCT', 'REVERSAL', 'EXPIRE']),
    debitAccount: z.string(),
    creditAccount: z.string(),
    amount: points,
    pending: z.boolean(),
    holdId: z.string().optional(),
    /** POST, VOID: the pending amount released (the whole hold; a partial capture releases the rest). */
    released: points.optional(),
    /** The wallet's community (of its latest earn), for aggregate transparency reports only. */
    communityId: z.string().optional(),
  })),
  HoldPlacedV1: defineEvent('ledger', 'HoldPlaced', 1, z.object({
    redemptionId: z.string(),
    holdId: z.string(),
    amount: points,
    expiresAt: isoTime,
  })),
  HoldRejectedV1: defineEvent('ledger', 'HoldRejected', 1, z.object({
    redemptionId: z.string(),
    reason: z.enum(['INSUFFICIENT_POINTS', 'ACCOUNT_FROZEN', 'INVALID_AMOUNT']),
  })),
  HoldPostedV1: defineEvent('ledger', 'HoldPosted', 1, z.object({
    redemptionId: z.string(),
    holdId: z.string(),
    amount: points,
  })),
  HoldVoidedV1: defineEvent('ledger', 'HoldVoided', 1, z.object({
    redemptionId: z.string(),
    holdId: z.string(),
    reason: z.string(),
  })),
  RedemptionRequestedV1: defineEvent('redemption', 'RedemptionRequested', 1, z.object({
    redemptionId: z.string(),
    volunteerId: z.string(),
    merchantId: z.string(),
    rewardId: z.string(),
    points: z.number().int().positive(),
    holdExpiresAt: isoTime,
  })),
  RedemptionConfirmedV1: defineEvent('redemption', 'RedemptionConfirmed', 1, z.object({
    redemptionId: z.string(),
    merchantId: z.string(),
    confirmedBy: z.string(),
  })),
  RedemptionExpiredV1: defineEvent('redemption', 'RedemptionExpired', 1, z.object({
    redemptionId: z.string(),
  })),
  WishPostedV1: defineEvent('activities', 'WishPosted', 1, z.object({
    wishId: z.string(),
    gridId: z.string(),
    communityId: z.string(),
    postedBy: z.string(),
  })),
  WishReviewedV1: defineEvent('activities', 'WishReviewed', 1, z.object({
    wishId: z.string(),
    outcome: z.enum(['approved', 'rejected']),
    reviewedBy: z.string(),
    reason: z.string().optional(),
  })),
  WishClaimedV1: defineEvent('activities', 'WishClaimed', 1, z.object({
    wishId: z.string(),
    volunteerId: z.string(),
    onBehalfOf: z.string().optional(),
  })),
  WishFulfilmentReportedV1: defineEvent('activities', 'WishFulfilmentReported', 1, z.object({
    wishId: z.string(),
    volunteerId: z.string(),
    minutes: z.number().int().positive(),
  })),
  /**
   * The resident confirmed: hours files `minutes` for `volunteerId` (the person who did the
   * work) as awaiting the verification of an organizer of one of `orgIds` (the organizations
   * serving the wish's grid) who is neither `claimedBy` nor `postedBy`. The three optional
   * fields were added later: an event without them is from before.
   */
  WishFulfilledV1: defineEvent('activities', 'WishFulfilled', 1, z.object({
    wishId: z.string(),
    volunteerId: z.string(),
    gridId: z.string(),
    communityId: z.string(),
    minutes: z.number().int().positive(),
    confirmedAt: isoTime,
    orgIds: z.array(z.string()).optional(),
    postedBy: z.string().optional(),
    claimedBy: z.string().optional(),
  })),
  EmergencyCallIssuedV1: defineEvent('activities', 'EmergencyCallIssued', 1, z.object({
    callId: z.string(),
    orgId: z.string(),
    title: z.string(),
    gridIds: z.array(z.string()).min(1),
    targetHeadcount: z.number().int().positive(),
    escalateAt: isoTime,
  })),
  EmergencyCallEscalatedV1: defineEvent('activities', 'EmergencyCallEscalated', 1, z.object({
    callId: z.string(),
    level: z.enum(['community', 'street']),
    communityIds: z.array(z.string()),
    streetIds: z.array(z.string()),
    accepted: z.number().int().nonnegative(),
    targetHeadcount: z.number().int().positive(),
  })),
  /** An organizer cancelled an activity: every claimant (confirmed or waiting) is told; their places are gone. */
  ActivityCancelledV1: defineEvent('activities', 'ActivityCancelled', 1, z.object({
    activityId: z.string(),
    orgId: z.string(),
    reason: z.string(),
    claims: z.array(z.object({
      claimId: z.string(),
      shiftId: z.string(),
      volunteerId: z.string(),
      status: z.enum(['confirmed', 'waitlisted']),
    })),
  })),
  /** A volunteer gave up their claim (a confirmed place or a place on the waitlist). */
  ClaimCancelledV1: defineEvent('activities', 'ClaimCancelled', 1, z.object({
    claimId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    wasStatus: z.enum(['confirmed', 'waitlisted']),
  })),
  /** The head of a shift's waitlist got the place a cancellation freed (ShiftClaimed follows for them too). */
  WaitlistPromotedV1: defineEvent('activities', 'WaitlistPromoted', 1, z.object({
    claimId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    replacedClaimId: z.string(),
  })),
  /** After a claimed shift ends: did the volunteer check in? Feeds reliability (attended ÷ confirmed). */
  AttendanceRecordedV1: defineEvent('hours', 'AttendanceRecorded', 1, z.object({
    claimId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    outcome: z.enum(['attended', 'no_show']),
    shiftEndsAt: isoTime,
  })),
  // ---- activities: lifecycle, waitlists, wishes, emergency calls (add above this line) ----
  /** 一票否决: who froze or unfroze a wallet, and why. */
  AccountFrozenV1: defineEvent('ledger', 'AccountFrozen', 1, z.object({ accountId: z.string(), reason: z.string(), by: z.string() })),
  AccountUnfrozenV1: defineEvent('ledger', 'AccountUnfrozen', 1, z.object({ accountId: z.string(), reason: z.string(), by: z.string() })),
  /**
   * An admin put a new version of the earning policy in force. `maxOrganizerBonus` (the most
   * an organizer's bonus may add to one hour log) lets hours refuse a larger bonus at
   * verification; it was added later, so an event without it is from before.
   */
  EarningPolicyChangedV1: defineEvent('ledger', 'EarningPolicyChanged', 1, z.object({
    version: z.number().int().positive(),
    by: z.string(),
    maxOrganizerBonus: points.optional(),
  })),
  /** Sent once per wallet and lot, 30 days before the lot's points expire. */
  PointsExpiringSoonV1: defineEvent('ledger', 'PointsExpiringSoon', 1, z.object({
    accountId: z.string(),
    volunteerId: z.string(),
    points,
    expiresAt: isoTime,
  })),
  // ---- ledger: adjustments, freezes, policy (add above this line) ----
  /** A person saved their profile for the first time: they live in this grid (no personal data). */
  PersonRegisteredV1: defineEvent('people', 'PersonRegistered', 1, z.object({
    personId: z.string(),
    gridId: z.string(),
    communityId: z.string(),
    streetId: z.string(),
  })),
  /** A role was granted in a scope (`org:<id>`, `merchant:<id>`, `alliance:<id>`); the next token carries it. */
  RoleGrantedV1: defineEvent('people', 'RoleGranted', 1, z.object({
    grantId: z.string(),
    personId: z.string(),
    role: z.enum(['organizer', 'merchant', 'admin']),
    scope: z.string(),
    grantedBy: z.string(),
    reason: z.string(),
  })),
  /** A grant was revoked (by whoever may grant it, or by the person closing their account). */
  RoleRevokedV1: defineEvent('people', 'RoleRevoked', 1, z.object({
    grantId: z.string(),
    personId: z.string(),
    role: z.enum(['organizer', 'merchant', 'admin']),
    scope: z.string(),
    revokedBy: z.string(),
    reason: z.string(),
  })),
  /** A person closed their account: their personal data is erased; others keep only `pseudonym`. */
  PersonClosedV1: defineEvent('people', 'PersonClosed', 1, z.object({
    personId: z.string(),
    pseudonym: z.string(),
  })),
  /** 双报到: the community confirmed an in-service party member's registration. */
  DualRegistrationConfirmedV1: defineEvent('people', 'DualRegistrationConfirmed', 1, z.object({
    personId: z.string(),
    communityId: z.string(),
    confirmedBy: z.string(),
  })),
  // ---- people: registration, grants, 双报到, closure (add above this line) ----
} as const;

export type EventName = keyof typeof events;
export type EventDef<N extends EventName> = (typeof events)[N];
export type EventData<N extends EventName> = z.infer<EventDef<N>['data']>;

const byDetailType = new Map<string, (typeof events)[EventName]>(
  Object.values(events).map((def) => [def.detailType, def]),
);

export const definitionOf = (detailType: string) => byDetailType.get(detailType);
