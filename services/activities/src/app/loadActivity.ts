import { type Action, authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { type Activity, asOf } from '../domain/activity';
import { findActivity } from '../store/activities';

/** The activity with its shifts, or 404. */
export const loadActivity = async (activityId: string): Promise<Activity> => {
  const activity = await findActivity(activityId);
  if (!activity) throw notFound('activity', activityId);
  return activity;
};

/**
 * The activity as of `now`, if the caller may do `action` in its organization (403
 * otherwise). A completed one (its last shift over) can no longer be edited or cancelled.
 */
export const loadOwnActivity = async (principal: Principal, action: Action, activityId: string, now: Date): Promise<Activity> => {
  const activity = await loadActivity(activityId);
  authorize(principal, action, { org: activity.orgId });
  return asOf(activity, now);
};
