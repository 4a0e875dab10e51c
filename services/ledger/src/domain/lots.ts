import { beijingMonthStart, inBeijing } from '@lianxin/shared/time/beijing';

/**
 * Expiry by lots: points a wallet receives join the cohort (lot) of their expiry date, and
 * every debit takes from the oldest lot first. A wallet's lots always add up to its
 * available balance; a pending hold carries the lots it took, and gives them back when it
 * is voided (or gives back the part a partial capture leaves).
 */
export interface Lot {
  /** The instant the lot's points expire; it also names the cohort. */
  expiresAt: string;
  points: number;
}

/** How long earned points stay valid (configurable in the earning policy). */
export type LotValidity = { kind: 'endOfFollowingYear' } | { kind: 'months'; months: number };

/** Points received without a validity (direct use of the pure core) never expire. */
export const NEVER = '9999-12-31T23:59:59.999Z';

/** The window in which a lot counts as "expiring soon" and its notice goes out. */
const NOTICE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Lots expiring by this instant are "expiring soon": their notice is due. */
export const noticeHorizon = (now: Date) => new Date(now.getTime() + NOTICE_DAYS * DAY_MS);

/**
 * When points received at `at` expire: at the end of the following Beijing year, or at
 * the end of the Beijing month `months` after the one they were received in. Either way
 * one wallet has at most a handful of lots.
 */
export const lotExpiry = (validity: LotValidity, at: Date): string => {
  const local = inBeijing(at);
  const year = local.getUTCFullYear();
  const end = validity.kind === 'endOfFollowingYear' ? beijingMonthStart(year + 2, 0) : beijingMonthStart(year, local.getUTCMonth() + validity.months + 1);
  return end.toISOString();
};

const byExpiry = (a: Lot, b: Lot) => (a.expiresAt < b.expiresAt ? -1 : a.expiresAt > b.expiresAt ? 1 : 0);

export const totalOf = (lots: readonly Lot[]) => lots.reduce((n, l) => n + l.points, 0);

/** Add points to their cohort, keeping lots sorted oldest first. */
export const addLots = (lots: readonly Lot[], added: readonly Lot[]): Lot[] => {
  const merged = new Map(lots.map((l) => [l.expiresAt, l.points]));
  for (const l of added) if (l.points > 0) merged.set(l.expiresAt, (merged.get(l.expiresAt) ?? 0) + l.points);
  return [...merged].map(([expiresAt, points]) => ({ expiresAt, points })).sort(byExpiry);
};

/** Take `points` from the oldest lots first; `taken` is what came from which lot. */
export const takeOldest = (lots: readonly Lot[], points: number): { rest: Lot[]; taken: Lot[] } => {
  let left = points;
  const rest: Lot[] = [];
  const taken: Lot[] = [];
  for (const lot of [...lots].sort(byExpiry)) {
    const take = Math.min(left, lot.points);
    left -= take;
    if (take > 0) taken.push({ expiresAt: lot.expiresAt, points: take });
    if (lot.points > take) rest.push({ expiresAt: lot.expiresAt, points: lot.points - take });
  }
  return { rest, taken };
};

/** The lot of one cohort and the others. */
export const cohortOf = (lots: readonly Lot[], expiresAt: string): { lot?: Lot; rest: Lot[] } => {
  const lot = lots.find((l) => l.expiresAt === expiresAt);
  return { ...(lot ? { lot } : {}), rest: lots.filter((l) => l !== lot) };
};

/** Lots whose points expire within the notice window (or already have, awaiting the sweeper). */
export const expiringSoon = (lots: readonly Lot[], now: Date): Lot[] =>
  lots.filter((l) => Date.parse(l.expiresAt) <= noticeHorizon(now).getTime());

/** Cohorts present in `after` but not in `before`: each needs its index entry for the sweeper. */
export const newCohorts = (before: readonly Lot[], after: readonly Lot[]): string[] => {
  const had = new Set(before.map((l) => l.expiresAt));
  return after.filter((l) => !had.has(l.expiresAt)).map((l) => l.expiresAt);
};

/**
 * How a transfer changes the sweeper's index of a wallet's cohorts: a cohort that appears
 * (an earn, or a void giving back points) gets its entry; an expiry that empties its
 * cohort removes it. A cohort a hold took in full keeps its entry, since a void may bring
 * the points back.
 */
export const lotIndexChanges = (before: readonly Lot[], after: readonly Lot[], expired?: string): { added: string[]; removed?: string } => {
  const added = newCohorts(before, after);
  return expired !== undefined && !cohortOf(after, expired).lot ? { added, removed: expired } : { added };
};
