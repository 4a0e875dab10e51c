import { permits } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import type { Activity } from '../domain/activity';
import { loadActivity } from './loadActivity';

/**
 * One activity with its shifts, cancelled and completed ones too. A draft is work in
 * progress of its organization: for anyone who may not edit it, it does not exist.
 */
export const getActivity = async (activityId: string, p: Principal): Promise<Activity> => {
  const activity = await loadActivity(activityId);
  if (activity.status === 'draft' && !permits(p, 'activity.edit', { org: activity.orgId })) throw notFound('activity', activityId);
  return activity;
};
