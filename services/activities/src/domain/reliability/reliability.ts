import type { EventData } from '@lianxin/shared/events/catalog';
import type { WaitBand } from '../waitlist';

/**
 * Reliability: of the shifts a volunteer held a confirmed place in and that ended in the
 * last RELIABILITY_WINDOW_DAYS days, the share they turned up to (attended ÷ confirmed, as
 * the hours service recorded it in AttendanceRecorded.v1). Volunteers below
 * RELIABILITY_THRESHOLD still get places that are free; they only wait behind reliable
 * volunteers on a full shift's waitlist. Nobody is penalised without history.
 */
export const RELIABILITY_WINDOW_DAYS = 90;

/**
 * Policy: 0.8 means at most one no-show in five confirmed shifts keeps a volunteer in the
 * reliable band. A single no-show from a first shift puts them behind for up to 90 days
 * or until four attended shifts lift the ratio back.
 */
export const RELIABILITY_THRESHOLD = 0.8;

const DAY_MS = 24 * 3_600_000;

export type AttendanceOutcome = Pick<EventData<'AttendanceRecordedV1'>, 'claimId' | 'outcome' | 'shiftEndsAt'>;

export interface Reliability {
  /** attended ÷ confirmed; 1 when there is no history in the window. */
  ratio: number;
  attended: number;
  confirmed: number;
  windowDays: number;
}

/** The earliest shift end that still counts. */
export const windowStart = (now: Date): Date => new Date(now.getTime() - RELIABILITY_WINDOW_DAYS * DAY_MS);

const inWindow = (o: AttendanceOutcome, now: Date) => {
  const endedAt = Date.parse(o.shiftEndsAt);
  return endedAt >= windowStart(now).getTime() && endedAt <= now.getTime();
};

export const reliabilityOf = (outcomes: AttendanceOutcome[], now: Date): Reliability => {
  const counted = outcomes.filter((o) => inWindow(o, now));
  const attended = counted.filter((o) => o.outcome === 'attended').length;
  const confirmed = counted.length;
  return { ratio: confirmed ? attended / confirmed : 1, attended, confirmed, windowDays: RELIABILITY_WINDOW_DAYS };
};

export const bandOf = (reliability: Pick<Reliability, 'ratio'>): WaitBand =>
  reliability.ratio >= RELIABILITY_THRESHOLD ? 'reliable' : 'unreliable';
