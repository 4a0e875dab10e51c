import type { Reward } from './catalog';

/** A volunteer's redemption of one unit of a reward, from request to completion. */
export const REDEMPTION_STATUSES = ['pending', 'held', 'confirmed', 'completed', 'failed', 'expired'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export interface Redemption {
  redemptionId: string;
  rewardId: string;
  rewardTitle: string;
  merchantId: string;
  merchantName: string;
  volunteerId: string;
  /** What a merchant sees of the volunteer: their name masked (陈*), captured at the request. */
  displayName?: string;
  points: number;
  status: RedemptionStatus;
  /** When the ledger lets its hold lapse; a one-time code never outlives it. */
  holdExpiresAt: string;
  holdId?: string;
  code?: string;
  /** When the one-time code stops working. */
  expiresAt?: string;
  failureReason?: string;
  confirmedBy?: string;
  /** Set once the reserved unit went back to the reward's stock, so it goes back once. */
  stockReturned: boolean;
  /** Bumped by every change: writes are conditional on the version they decided from. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

const MINUTE_MS = 60_000;
/** How long a volunteer has to show the code at the counter. */
export const CODE_TTL_MS = 15 * MINUTE_MS;
/** Extra time the ledger keeps the hold, so a confirmation accepted at the last second still reaches it. */
export const HOLD_GRACE_MS = 2 * MINUTE_MS;
export const CODE_DIGITS = 8;

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms).toISOString();

/**
 * A name as a merchant may see it: its first character and one star (陈小明 → 陈*), so the
 * counter can greet the customer without learning who they are, or how long their name is.
 * Characters, not UTF-16 units: a rare surname outside the BMP stays whole.
 */
export const maskedName = (name: string): string | undefined => {
  const [first] = [...name.trim()];
  return first === undefined ? undefined : `${first}*`;
};

const optionalName = (displayName: string | undefined) => (displayName === undefined ? {} : { displayName });

/** A new redemption, pending until the ledger holds the points. */
export const requestRedemption = (
  input: { redemptionId: string; reward: Reward; volunteerId: string; volunteerName: string },
  now: Date,
): Redemption => ({
  redemptionId: input.redemptionId,
  rewardId: input.reward.rewardId,
  rewardTitle: input.reward.title,
  merchantId: input.reward.merchantId,
  merchantName: input.reward.merchantName,
  volunteerId: input.volunteerId,
  ...optionalName(maskedName(input.volunteerName)),
  points: input.reward.points,
  status: 'pending',
  holdExpiresAt: plus(now, CODE_TTL_MS + HOLD_GRACE_MS),
  stockReturned: false,
  version: 1,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
});

/** The code lasts CODE_TTL_MS, but always ends a grace period before the ledger's hold. */
export const codeExpiry = (holdExpiresAt: string, now: Date): string => {
  const byHold = Date.parse(holdExpiresAt) - HOLD_GRACE_MS;
  return new Date(Math.min(now.getTime() + CODE_TTL_MS, byHold)).toISOString();
};

export const isCodeExpired = (r: Pick<Redemption, 'expiresAt'>, now: Date): boolean =>
  !r.expiresAt || now.getTime() >= Date.parse(r.expiresAt);
