import type { Principal } from '@lianxin/shared/auth/principal';
import type { Activity } from '../domain/activity';
import { checkPublishable } from '../domain/lifecycle';
import { checkNotEnded } from '../domain/publish';
import { activityPublished } from '../events/publish';
import { markPublished } from '../store/activities';
import { loadOwnActivity } from './loadActivity';

/** A draft becomes published: discoverable, claimable, and announced with `ActivityPublished`. */
export const publishDraft = async (organizer: Principal, activityId: string, now: Date): Promise<Activity> => {
  const draft = await loadOwnActivity(organizer, 'activity.publish', activityId, now);
  checkPublishable(draft);
  checkNotEnded(draft.shifts, now);
  const activity: Activity = { ...draft, status: 'published' };
  await markPublished(activity, activityPublished(activity, now));
  return activity;
};
