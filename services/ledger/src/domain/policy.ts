import { inBeijing } from './beijing';
import type { LotValidity } from './lots';

/**
 * The earning policy, in one place (积分制). Pure: the store keeps the current version;
 * each EARN records the version it was computed under, so a later change never alters a
 * past transfer.
 */
export interface EarningPolicy {
  version: number;
  minPointsPerHour: number;
  maxPointsPerHour: number;
  /** Multiplier per activity category; a category not listed (or none) counts 1. */
  categoryCoefficients: Record<string, number>;
  /** Most points one person may earn per Beijing day and per Beijing month. */
  dailyCap: number;
  monthlyCap: number;
  /** The most an organizer's discretionary bonus may add to one hour log. */
  maxOrganizerBonus: number;
  /** How long earned and awarded points stay valid (expiry by lots). */
  lotValidity: LotValidity;
}

export const DEFAULT_POLICY: EarningPolicy = {
  version: 1,
  minPointsPerHour: 1,
  maxPointsPerHour: 50,
  categoryCoefficients: {},
  dailyCap: 200,
  monthlyCap: 2000,
  maxOrganizerBonus: 20,
  lotValidity: { kind: 'endOfFollowingYear' },
};

export interface EarnInput { points: number; minutes: number; category?: string | undefined; bonusPoints?: number | undefined }

/**
 * Points for verified hours: the organizer's rate held within the policy's bounds, times
 * the category's coefficient (difficulty, professional skill, risk are set per category),
 * rounded down (points are integers, never minted from rounding), plus the organizer's
 * bonus up to the policy's maximum. The caps then apply to the whole.
 */
export const earnAmount = (policy: EarningPolicy, { points, minutes, category, bonusPoints = 0 }: EarnInput): number => {
  const hours = minutes / 60;
  const bounded = minutes > 0 ? Math.min(Math.max(points, policy.minPointsPerHour * hours), policy.maxPointsPerHour * hours) : points;
  const coefficient = category === undefined ? 1 : (policy.categoryCoefficients[category] ?? 1);
  return Math.floor(bounded * coefficient) + Math.min(Math.max(0, bonusPoints), policy.maxOrganizerBonus);
};

/** The Beijing (UTC+8) day and month an instant falls in: caps reset at local midnight. */
export const capPeriods = (at: Date) => {
  const local = inBeijing(at).toISOString();
  return { day: `D#${local.slice(0, 10)}`, month: `M#${local.slice(0, 7)}` };
};

export interface CapClip { amount: number; clippedBy?: 'daily cap' | 'monthly cap' }

/** Clip an amount to what is left under both caps, given what was earned so far. */
export const clipToCaps = (policy: EarningPolicy, amount: number, earnedToday: number, earnedThisMonth: number): CapClip => {
  const leftToday = Math.max(0, policy.dailyCap - earnedToday);
  const leftMonth = Math.max(0, policy.monthlyCap - earnedThisMonth);
  if (amount <= Math.min(leftToday, leftMonth)) return { amount };
  return leftToday <= leftMonth ? { amount: leftToday, clippedBy: 'daily cap' } : { amount: leftMonth, clippedBy: 'monthly cap' };
};
