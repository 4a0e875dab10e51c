import { type AppError, conflict } from '@lianxin/shared/errors';
import { beijingDay, beijingMonth } from '@lianxin/shared/time/beijing';
import type { LotValidity } from './lots';

/**
 * The earning policy, in one place (积分制): the only home of how many points verified
 * hours earn. Hours publishes minutes and context, never points. Pure: the store keeps
 * the current version; each EARN records the version it was computed under, so a later
 * change never alters a past transfer.
 */
export interface EarningPolicy {
  version: number;
  /** Bounds of an activity's published rate (a shift's points per hour). */
  minPointsPerHour: number;
  maxPointsPerHour: number;
  /** The rate of a fulfilled micro-wish (微心愿), which has no activity and so no rate of its own. */
  wishPointsPerHour: number;
  /** Multiplier per activity category; a category not listed (or none) counts 1. */
  categoryCoefficients: Record<string, number>;
  /** Most points one person may earn per Beijing day and per Beijing month. */
  dailyCap: number;
  monthlyCap: number;
  /** The most an organizer's discretionary bonus may add to one hour log. */
  maxOrganizerBonus: number;
  /** The most one award, deduction or reversal may move (admins and organizers alike). */
  maxAdjustment: number;
  /** The most one funding of an organization's budget may add. */
  maxBudgetFunding: number;
  /** How long earned and awarded points stay valid (expiry by lots). */
  lotValidity: LotValidity;
}

export const DEFAULT_POLICY: EarningPolicy = {
  version: 1,
  minPointsPerHour: 1,
  maxPointsPerHour: 50,
  wishPointsPerHour: 10,
  categoryCoefficients: {},
  dailyCap: 200,
  monthlyCap: 2000,
  maxOrganizerBonus: 20,
  maxAdjustment: 500,
  maxBudgetFunding: 100_000,
  lotValidity: { kind: 'endOfFollowingYear' },
};

/** What hours verified: the time and its context (HoursVerified.v2), never an amount. */
export interface VerifiedHours {
  kind: 'shift' | 'wish';
  minutes: number;
  /** A shift's published rate; a wish has none. */
  pointsPerHour?: number | undefined;
  category?: string | undefined;
  bonusPoints?: number | undefined;
}

/**
 * Points per hour: a shift's published rate held within the policy's bounds (a shift
 * without a rate earns the minimum); a wish earns the policy's wish rate.
 */
export const hourlyRate = (policy: EarningPolicy, { kind, pointsPerHour }: VerifiedHours): number =>
  kind === 'wish' ? policy.wishPointsPerHour : Math.min(Math.max(pointsPerHour ?? 0, policy.minPointsPerHour), policy.maxPointsPerHour);

/**
 * Points for verified hours: hours × rate × the category's coefficient (difficulty,
 * professional skill, risk are set per category), rounded down (points are integers, never
 * minted from rounding), plus the organizer's bonus up to the policy's maximum. The bonus
 * is paid even when the time earns nothing. The caps then apply to the whole.
 */
export const earnAmount = (policy: EarningPolicy, hours: VerifiedHours): number => {
  const coefficient = hours.category === undefined ? 1 : (policy.categoryCoefficients[hours.category] ?? 1);
  const base = Math.floor((hours.minutes * hourlyRate(policy, hours) * coefficient) / 60);
  return base + Math.min(Math.max(0, hours.bonusPoints ?? 0), policy.maxOrganizerBonus);
};

/** The Beijing day and month an instant falls in, as counter names: caps reset at local midnight. */
export const capPeriods = (at: Date) => ({ day: `D#${beijingDay(at)}`, month: `M#${beijingMonth(at)}` });

export interface CapClip { amount: number; clippedBy?: 'daily cap' | 'monthly cap' }

/** Clip an amount to what is left under both caps, given what was earned so far. */
export const clipToCaps = (policy: EarningPolicy, amount: number, earnedToday: number, earnedThisMonth: number): CapClip => {
  const leftToday = Math.max(0, policy.dailyCap - earnedToday);
  const leftMonth = Math.max(0, policy.monthlyCap - earnedThisMonth);
  if (amount <= Math.min(leftToday, leftMonth)) return { amount };
  return leftToday <= leftMonth ? { amount: leftToday, clippedBy: 'daily cap' } : { amount: leftMonth, clippedBy: 'monthly cap' };
};

/**
 * An award is an admin's or organizer's decision about one amount: clipping it silently
 * would pay something they did not choose, so one beyond what is left under the caps is
 * refused, naming what still fits.
 */
export const awardCapRefusal = (policy: EarningPolicy, amount: number, earnedToday: number, earnedThisMonth: number): AppError | undefined => {
  const { amount: fits, clippedBy } = clipToCaps(policy, amount, earnedToday, earnedThisMonth);
  if (!clippedBy) return undefined;
  return conflict('CAP_REACHED', `The award exceeds the recipient's ${clippedBy}`, { amount: `at most ${fits} fit under the ${clippedBy} now` });
};

export interface Earning extends CapClip {
  /** What the hours are worth before the caps. */
  wanted: number;
}

/** The whole earn: the hours' worth under the policy, clipped by what the person earned so far. */
export const earningFor = (policy: EarningPolicy, hours: VerifiedHours, earnedToday: number, earnedThisMonth: number): Earning => {
  const wanted = earnAmount(policy, hours);
  return { wanted, ...clipToCaps(policy, wanted, earnedToday, earnedThisMonth) };
};

/** Why an earn moves nothing, if it does not: the hours are worth nothing, or no room is left under a cap. */
export const earnRefusal = ({ wanted, amount }: Earning): 'INVALID_AMOUNT' | 'CAP_REACHED' | undefined =>
  amount > 0 ? undefined : wanted === 0 ? 'INVALID_AMOUNT' : 'CAP_REACHED';

/** How the amount came about, for the transfer's memo: the policy version and any clipping. */
export const earningNote = (policy: EarningPolicy, { wanted, amount, clippedBy }: Earning): string =>
  `policy v${policy.version}${clippedBy ? `; clipped ${wanted}→${amount} by ${clippedBy}` : ''}`;
