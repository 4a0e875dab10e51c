import { z } from '@hono/zod-openapi'; // zod with .openapi(), whichever module loads first
import { beijingWallClock } from '@lianxin/shared/time/beijing';

/**
 * A weekly rota ("every Tuesday and Saturday 09:00 for two hours, from … until …") expanded
 * into shifts. Wall-clock times are Beijing time (shared/src/time/beijing.ts).
 */
export const MAX_RECURRENCE_DAYS = 12 * 7;
export const MAX_RECURRING_SHIFTS = 60;
const DAY_MS = 86_400_000;

const date = z.iso.date();

export const RecurrenceInput = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
    durationMinutes: z.number().int().min(15).max(24 * 60),
    capacity: z.number().int().min(1).max(500),
    from: date,
    until: date,
  })
  .refine((r) => r.until >= r.from, { path: ['until'], message: 'must not be before from' })
  .refine((r) => (Date.parse(r.until) - Date.parse(r.from)) / DAY_MS < MAX_RECURRENCE_DAYS, {
    path: ['until'],
    message: `at most ${MAX_RECURRENCE_DAYS / 7} weeks after from`,
  });
export type RecurrenceInput = z.infer<typeof RecurrenceInput>;

export interface ShiftTimes { startsAt: string; endsAt: string; capacity: number }

/** ISO weekday (1 = Monday) of a UTC-midnight timestamp. */
const isoWeekday = (utcMidnight: number) => ((new Date(utcMidnight).getUTCDay() + 6) % 7) + 1;

/** Every shift of the rota, in time order (possibly more than allowed: the caller checks). */
export const expandRecurrence = (r: RecurrenceInput): ShiftTimes[] => {
  const [hours, minutes] = r.startTime.split(':').map(Number) as [number, number];
  const shifts: ShiftTimes[] = [];
  for (let day = Date.parse(r.from); day <= Date.parse(r.until); day += DAY_MS) {
    if (!r.weekdays.includes(isoWeekday(day))) continue;
    const start = beijingWallClock(new Date(day).toISOString().slice(0, 10), hours * 60 + minutes).getTime();
    shifts.push({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + r.durationMinutes * 60_000).toISOString(),
      capacity: r.capacity,
    });
  }
  return shifts;
};
