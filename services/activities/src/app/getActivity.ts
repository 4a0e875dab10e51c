import type { Activity } from '../domain/activity';
import { loadActivity } from './loadActivity';

/** One activity with its shifts (any signed-in caller; drafts and cancelled ones too). */
export const getActivity = (activityId: string): Promise<Activity> => loadActivity(activityId);
