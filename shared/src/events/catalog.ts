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
  })),
  ShiftClaimedV1: defineEvent('activities', 'ShiftClaimed', 1, z.object({
    claimId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
  })),
  HoursVerifiedV1: defineEvent('hours', 'HoursVerified', 1, z.object({
    hourLogId: z.string(),
    volunteerId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    orgId: z.string(),
    communityId: z.string(),
    minutes: z.number().int().nonnegative(),
    points,
    verifiedBy: z.string(),
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
    kind: z.enum(['EARN', 'HOLD', 'POST', 'VOID']),
    debitAccount: z.string(),
    creditAccount: z.string(),
    amount: points,
    pending: z.boolean(),
    holdId: z.string().optional(),
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
  // ---- activities: lifecycle, waitlists, wishes, emergency calls (add above this line) ----
  // ---- ledger: adjustments, freezes, policy (add above this line) ----
} as const;

export type EventName = keyof typeof events;
export type EventDef<N extends EventName> = (typeof events)[N];
export type EventData<N extends EventName> = z.infer<EventDef<N>['data']>;

const byDetailType = new Map<string, (typeof events)[EventName]>(
  Object.values(events).map((def) => [def.detailType, def]),
);

export const definitionOf = (detailType: string) => byDetailType.get(detailType);
