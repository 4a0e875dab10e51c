import { type Activity, asOf, remainingPlaces } from '../domain/activity';
import type { Claim } from '../domain/claim';

/** An activity as the API shows it at `now` (completed once over), each shift with the places still free. */
export const activityView = (activity: Activity, now: Date) => ({
  ...asOf(activity, now),
  shifts: activity.shifts.map((shift) => ({ ...shift, remaining: remainingPlaces(shift) })),
});

/** A claim as its volunteer sees it: the roster's name and the waitlist's key stay inside. */
export const claimView = ({ volunteerName: _n, waitKey: _k, ...claim }: Claim, position?: number) => ({
  ...claim,
  ...(position === undefined ? {} : { position }),
});
