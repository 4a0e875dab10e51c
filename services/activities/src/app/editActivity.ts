import type { Principal } from '@lianxin/shared/auth/principal';
import type { Activity } from '../domain/activity';
import { type PatchActivityInput, applyPatch } from '../domain/lifecycle';
import { updateActivityFields } from '../store/activities';
import { loadOwnActivity } from './loadActivity';

/** Edit a draft, or what may still change of a published activity (domain/lifecycle.ts). */
export const editActivity = async (organizer: Principal, activityId: string, patch: PatchActivityInput, now: Date): Promise<Activity> => {
  const activity = await loadOwnActivity(organizer, 'activity.edit', activityId, now);
  const patched = applyPatch(activity, patch);
  await updateActivityFields(activity, patched);
  return patched;
};
