import { type Activity, remainingPlaces } from '../domain/activity';

/** An activity as the API shows it: each shift with the places still free. */
export const activityView = (activity: Activity) => ({
  ...activity,
  shifts: activity.shifts.map((shift) => ({ ...shift, remaining: remainingPlaces(shift) })),
});
