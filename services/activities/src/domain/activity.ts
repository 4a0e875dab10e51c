/**
 * What an activity is: something an organization publishes in one grid, with one or more
 * shifts that volunteers claim. Lifecycle: draft → published → completed or cancelled. A
 * published activity is completed once its last shift has ended: that follows from its
 * times, so it is computed when the activity is read (`asOf`), never written.
 */
export const CATEGORIES = ['助老', '助残', '助学', '环境', '文明实践', '应急', '法律', '医疗', '其他'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who may claim: everyone, or only members of the Youth League or the Party. */
export const AUDIENCES = ['everyone', 'league_member', 'party_member'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface GeoPoint { lat: number; lng: number }

export const STATUSES = ['draft', 'published', 'completed', 'cancelled'] as const;
export type ActivityStatus = (typeof STATUSES)[number];

/** Claimants may leave a shift until this many hours before it starts, unless the activity says otherwise. */
export const DEFAULT_CANCELLATION_DEADLINE_HOURS = 2;

export interface Shift {
  shiftId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
}

export interface Activity {
  activityId: string;
  orgId: string;
  title: string;
  description: string;
  category: string;
  gridId: string;
  communityId: string;
  streetId: string;
  address: string;
  location: GeoPoint;
  pointsPerHour: number;
  audience: Audience;
  skills: string[];
  status: ActivityStatus;
  cancellationDeadlineHours: number;
  cancelReason?: string;
  shifts: Shift[];
  createdBy: string;
  createdAt: string;
}

export const remainingPlaces = (shift: Shift): number => Math.max(0, shift.capacity - shift.confirmed);

/** Activities are listed by their first shift's start. */
export const firstStart = (activity: Pick<Activity, 'shifts'>): string =>
  activity.shifts.map((s) => s.startsAt).reduce((a, b) => (a < b ? a : b));

/** The end of the activity's last shift: after it nothing can be claimed any more. */
export const lastEnd = (activity: Pick<Activity, 'shifts'>): string =>
  activity.shifts.map((s) => s.endsAt).reduce((a, b) => (a > b ? a : b));

/** The status as of `now`: a published activity whose last shift has ended is completed. */
export const statusAt = (activity: Pick<Activity, 'status' | 'shifts'>, now: Date): ActivityStatus =>
  activity.status === 'published' && activity.shifts.length > 0 && Date.parse(lastEnd(activity)) <= now.getTime() ? 'completed' : activity.status;

/** The activity as of `now` (see statusAt). */
export const asOf = <A extends Activity>(activity: A, now: Date): A => ({ ...activity, status: statusAt(activity, now) });
