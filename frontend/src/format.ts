import type { Translate } from './i18n';

/** The districts are in China: every time is shown in Beijing time, whatever the device says. */
const TIME_ZONE = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, kind: 'dateTime' | 'time' | 'date') => {
  const id = `${locale}|${kind}`;
  let f = cache.get(id);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hour12: false }
        : kind === 'date'
          ? { month: 'short', day: 'numeric', weekday: 'short' }
          : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: TIME_ZONE });
    cache.set(id, f);
  }
  return f;
};

/** Beijing is UTC+8 all year round (no summer time), so a wall-clock time converts by a fixed offset. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * A date-time typed as Beijing time ("2025-06-03T09:00", a datetime-local input's value,
 * seconds optional) as ISO UTC, or null when it is no real date-time (31 June included).
 */
export const beijingLocalToIso = (local: string): string | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const wall = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  // An impossible day or hour (31 June, 24:00) is either invalid or rolled over by Date: refused, not moved.
  if (Number.isNaN(wall.getTime()) || wall.toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) return null;
  return new Date(wall.getTime() - BEIJING_OFFSET_MS).toISOString();
};

/** An instant as a datetime-local value ("2025-06-03T09:00") in Beijing time. */
export const toBeijingLocal = (ms: number): string => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16);

const valid = (iso: string | undefined): iso is string => !!iso && !Number.isNaN(Date.parse(iso));

export const formatDateTime = (iso: string | undefined, locale: string): string =>
  valid(iso) ? formatter(locale, 'dateTime').format(new Date(iso)) : '—';

export const formatTime = (iso: string | undefined, locale: string): string =>
  valid(iso) ? formatter(locale, 'time').format(new Date(iso)) : '—';

/** "6月3日 周二 09:00–12:00" (same day) or two full date-times. */
export const formatRange = (startIso: string, endIso: string, locale: string): string => {
  if (!valid(startIso) || !valid(endIso)) return '—';
  const start = new Date(startIso);
  const end = new Date(endIso);
  const day = formatter(locale, 'date');
  if (day.format(start) === day.format(end)) {
    return `${day.format(start)} ${formatter(locale, 'time').format(start)}–${formatter(locale, 'time').format(end)}`;
  }
  return `${formatDateTime(startIso, locale)} – ${formatDateTime(endIso, locale)}`;
};

export const formatDuration = (minutes: number | undefined, t: Translate): string => {
  if (minutes === undefined) return '—';
  if (minutes < 60) return t('common.minutes', { n: minutes });
  return t('common.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
};

/** mm:ss left until `iso`, or null once past. */
export const countdown = (iso: string | undefined, now: number): string | null => {
  if (!valid(iso)) return null;
  const left = Math.ceil((Date.parse(iso) - now) / 1000);
  if (left <= 0) return null;
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
};

export const formatPoints = (n: number | undefined, locale: string): string =>
  n === undefined ? '—' : new Intl.NumberFormat(locale).format(n);
