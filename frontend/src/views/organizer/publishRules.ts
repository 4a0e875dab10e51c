import type { Audience, Category, NewActivity } from '../../api/activities';
import { beijingLocalToIso, toBeijingLocal } from '../../format';
import type { MessageKey, Vars } from '../../i18n';
import { parseSkills } from '../profile/rules';

/**
 * The publish form as typed (numbers and Beijing date-times still text), what it checks
 * before sending (the activities service checks it all again: domain/publish.ts) and the
 * body it sends.
 */

export interface ShiftRow {
  /** Beijing wall-clock time, as a datetime-local input holds it. */
  startsAt: string;
  endsAt: string;
  capacity: string;
}

export interface ActivityDraft {
  orgId: string;
  gridId: string;
  title: string;
  description: string;
  category: Category;
  address: string;
  lat: string;
  lng: string;
  pointsPerHour: string;
  audience: Audience;
  skills: string;
  cancellationDeadlineHours: string;
  shifts: ShiftRow[];
}

/** The district's centre (浔阳区): where an activity is placed until the organizer says otherwise. */
export const DISTRICT_CENTRE = { lat: 29.71, lng: 115.99 };

/** The service's bounds (domain/publish.ts). */
export const LIMITS = {
  title: 100,
  description: 2000,
  address: 200,
  points: [1, 100],
  capacity: [1, 500],
  shifts: 20,
  skills: 10,
  skillLength: 20,
  cancellationHours: [0, 168],
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The first shift offered: an hour after the next full hour, two hours long, ten places. */
export const firstShift = (now: number): ShiftRow => {
  const start = (Math.floor(now / HOUR) + 2) * HOUR;
  return { startsAt: toBeijingLocal(start), endsAt: toBeijingLocal(start + 2 * HOUR), capacity: '10' };
};

/** A shift row added after `last`: the same times a day later (a series is the usual case). */
export const nextShift = (last: ShiftRow | undefined, now: number): ShiftRow => {
  const start = last ? beijingLocalToIso(last.startsAt) : null;
  const end = last ? beijingLocalToIso(last.endsAt) : null;
  if (!last || !start || !end) return firstShift(now);
  return { startsAt: toBeijingLocal(Date.parse(start) + DAY), endsAt: toBeijingLocal(Date.parse(end) + DAY), capacity: last.capacity };
};

/** A new start moves the end with it, keeping the shift's length (as calendars do); an unreadable time moves nothing else. */
export const withStart = (row: ShiftRow, startsAt: string): ShiftRow => {
  const [before, after, end] = [row.startsAt, startsAt, row.endsAt].map(beijingLocalToIso);
  if (!before || !after || !end) return { ...row, startsAt };
  return { ...row, startsAt, endsAt: toBeijingLocal(Date.parse(after) + Date.parse(end) - Date.parse(before)) };
};

/** What someone who fills only title, description, address (and maybe the first shift) publishes. */
export const emptyDraft = (orgId: string, now: number): ActivityDraft => ({
  orgId,
  gridId: '',
  title: '',
  description: '',
  category: '其他',
  address: '',
  lat: String(DISTRICT_CENTRE.lat),
  lng: String(DISTRICT_CENTRE.lng),
  pointsPerHour: '10',
  audience: 'everyone',
  skills: '',
  cancellationDeadlineHours: '2',
  shifts: [firstShift(now)],
});

export interface Problem {
  key: MessageKey;
  vars?: Vars;
}

/** A whole number within [min, max] as typed, or null. */
const wholeIn = (typed: string, [min, max]: readonly [number, number]): number | null => {
  const n = Number(typed.trim());
  return typed.trim() && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

const numberIn = (typed: string, limit: number): number | null => {
  const n = Number(typed.trim());
  return typed.trim() && Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
};

const shiftProblems = (row: ShiftRow, i: number, now: number, publishing: boolean): Problem[] => {
  const vars = { n: i + 1 };
  const start = beijingLocalToIso(row.startsAt);
  const end = beijingLocalToIso(row.endsAt);
  const found: Problem[] = [];
  if (!start) found.push({ key: 'publish.shiftStartInvalid', vars });
  if (!end) found.push({ key: 'publish.shiftEndInvalid', vars });
  if (start && end && Date.parse(end) <= Date.parse(start)) found.push({ key: 'publish.shiftEndBeforeStart', vars });
  // A draft may hold a past shift (the service allows it); what is published must still be ahead.
  else if (publishing && end && Date.parse(end) <= now) found.push({ key: 'publish.shiftEnded', vars });
  if (wholeIn(row.capacity, LIMITS.capacity) === null) found.push({ key: 'publish.capacityInvalid', vars: { ...vars, max: LIMITS.capacity[1] } });
  return found;
};

/** Every problem of the form, in the form's order; empty when it may be sent. */
export const activityProblems = (d: ActivityDraft, { now, publishing }: { now: number; publishing: boolean }): Problem[] => {
  const found: Problem[] = [];
  if (!d.orgId) found.push({ key: 'publish.orgRequired' });
  if (!d.gridId) found.push({ key: 'publish.gridRequired' });
  if (!d.title.trim() || d.title.trim().length > LIMITS.title) found.push({ key: 'publish.titleInvalid', vars: { max: LIMITS.title } });
  if (d.description.length > LIMITS.description) found.push({ key: 'publish.descriptionTooLong', vars: { max: LIMITS.description } });
  if (!d.address.trim() || d.address.trim().length > LIMITS.address) found.push({ key: 'publish.addressInvalid', vars: { max: LIMITS.address } });
  if (numberIn(d.lat, 90) === null || numberIn(d.lng, 180) === null) found.push({ key: 'publish.locationInvalid' });
  if (wholeIn(d.pointsPerHour, LIMITS.points) === null) found.push({ key: 'publish.pointsInvalid', vars: { min: LIMITS.points[0], max: LIMITS.points[1] } });
  if (wholeIn(d.cancellationDeadlineHours, LIMITS.cancellationHours) === null) found.push({ key: 'publish.cancellationInvalid', vars: { max: LIMITS.cancellationHours[1] } });
  const skills = parseSkills(d.skills);
  if (skills.length > LIMITS.skills || skills.some((s) => s.length > LIMITS.skillLength)) {
    found.push({ key: 'publish.skillsInvalid', vars: { n: LIMITS.skills, max: LIMITS.skillLength } });
  }
  if (!d.shifts.length || d.shifts.length > LIMITS.shifts) found.push({ key: 'publish.shiftsCount', vars: { max: LIMITS.shifts } });
  return [...found, ...d.shifts.flatMap((row, i) => shiftProblems(row, i, now, publishing))];
};

/** The request body of a form without problems (activityProblems answered none). */
export const publishBody = (d: ActivityDraft, draft: boolean): NewActivity => ({
  orgId: d.orgId,
  gridId: d.gridId,
  title: d.title.trim(),
  description: d.description.trim(),
  category: d.category,
  address: d.address.trim(),
  location: { lat: Number(d.lat), lng: Number(d.lng) },
  pointsPerHour: Number(d.pointsPerHour),
  audience: d.audience,
  skills: parseSkills(d.skills),
  cancellationDeadlineHours: Number(d.cancellationDeadlineHours),
  draft,
  shifts: d.shifts.map((row) => ({ startsAt: beijingLocalToIso(row.startsAt)!, endsAt: beijingLocalToIso(row.endsAt)!, capacity: Number(row.capacity) })),
});
