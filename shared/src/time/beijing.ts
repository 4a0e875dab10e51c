/**
 * Beijing time (China Standard Time, UTC+08:00, no daylight saving), where every Lianxin
 * district lies. Caps, lots, reports and weekly rotas count days, months and wall-clock
 * times here; this is the only module that knows the offset.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The instant shifted so that its UTC fields read as Beijing wall-clock time. */
export const inBeijing = (at: Date): Date => new Date(at.getTime() + BEIJING_OFFSET_MS);

/** The UTC instant of Beijing midnight starting `month` (0-based, may overflow) of `year`. */
export const beijingMonthStart = (year: number, month: number): Date => new Date(Date.UTC(year, month, 1) - BEIJING_OFFSET_MS);

/** The UTC instant of a Beijing wall-clock time `minutesAfterMidnight` into a calendar day (`2026-12-04`). */
export const beijingWallClock = (isoDate: string, minutesAfterMidnight: number): Date =>
  new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + minutesAfterMidnight * 60_000 - BEIJING_OFFSET_MS);

/** The Beijing calendar day (`2026-12-04`) and month (`2026-12`) an instant falls in. */
export const beijingDay = (at: Date): string => inBeijing(at).toISOString().slice(0, 10);
export const beijingMonth = (at: Date): string => inBeijing(at).toISOString().slice(0, 7);
