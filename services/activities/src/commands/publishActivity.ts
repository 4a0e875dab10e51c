import { type PublishCommand, planActivity } from '../domain/publish';
import type { Activity } from '../domain/activity';
import { saveActivity } from '../store/activities';
import { findGrid, findOrganization } from '../store/directory';

/**
 * Publish an activity: look up the grid and the organization, apply the domain's rules,
 * write activity, shifts and `ActivityPublished` together. The HTTP POST and the demo seed
 * both come through here.
 */
export const publishActivity = async (command: PublishCommand, now: Date): Promise<{ activity: Activity; outcome: 'published' | 'draft' | 'exists' }> => {
  const [grid, organization] = await Promise.all([findGrid(command.input.gridId), findOrganization(command.orgId)]);
  const activity = planActivity(command, { grid, organization }, now);
  return { activity, outcome: await saveActivity(activity, now) };
};
