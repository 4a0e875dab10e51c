import { authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { newId } from '@lianxin/shared/ids';
import type { Activity } from '../domain/activity';
import { type PublishActivityInput, type PublishCommand, checkNotEnded, planActivity, publishingOrganization, shiftsOfInput } from '../domain/publish';
import { activityPublished } from '../events/publish';
import { saveActivity } from '../store/activities';
import { findGrid, findOrganization } from '../store/directory';

/**
 * Create an activity with its ids as planned: look up the grid and the organization, apply
 * the domain's rules, write activity, shifts and (unless a draft) `ActivityPublished`
 * together. The HTTP POST and the demo seed both come through here.
 */
export const publishPlanned = async (command: PublishCommand, now: Date): Promise<{ activity: Activity; outcome: 'published' | 'draft' | 'exists' }> => {
  const [grid, organization] = await Promise.all([findGrid(command.input.gridId), findOrganization(command.orgId)]);
  const activity = planActivity(command, { grid, organization }, now);
  const event = activity.status === 'published' ? activityPublished(activity, now) : undefined;
  return { activity, outcome: await saveActivity(activity, event) };
};

/** An organizer creates an activity (published, or a draft) for their organization, with new ids. */
export const publishActivity = async (organizer: Principal, input: PublishActivityInput, now: Date): Promise<Activity> => {
  const orgId = publishingOrganization(organizer, input.orgId);
  authorize(organizer, 'activity.create', { org: orgId });
  // A draft may be kept for the record; what is published must still be ahead (the seed's past shifts skip this).
  if (!input.draft) checkNotEnded(shiftsOfInput(input), now);
  const command = { activityId: newId('act'), shiftIds: shiftsOfInput(input).map(() => newId('sft')), orgId, input, createdBy: organizer.userId };
  return (await publishPlanned(command, now)).activity;
};
