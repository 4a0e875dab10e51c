/** Caps, lots and reports count days, months and years in Beijing time (UTC+8, no DST). */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** The instant shifted so that its UTC fields read as Beijing wall-clock time. */
export const inBeijing = (at: Date) => new Date(at.getTime() + BEIJING_OFFSET_MS);

/** The UTC instant of Beijing midnight starting `month` (0-based, may overflow) of `year`. */
export const beijingMonthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - BEIJING_OFFSET_MS);
