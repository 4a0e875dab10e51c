import { z } from '@hono/zod-openapi'; // zod with .openapi(), whichever module loads first
import { conflict, invalid } from '@lianxin/shared/errors';
import type { Activity, ActivityStatus } from './activity';
import { EditableFields } from './publish';

/**
 * Draft → published → cancelled, by organizers of the owning organization only (the policy's
 * activity.* actions in the activity's org scope). A published activity whose last shift is
 * over is completed (see domain/activity.ts) and stays as it is. A draft may be edited
 * freely (its shifts excepted: they are fixed at creation); a published activity only in
 * what volunteers who already claimed cannot be misled by: title, description and skills.
 * Times, place, audience and points stay as they were claimed.
 */
export const PatchActivityInput = EditableFields.partial().refine((p) => Object.keys(p).length > 0, { path: ['body'], message: 'name at least one field' });
export type PatchActivityInput = z.infer<typeof PatchActivityInput>;

export const PUBLISHED_EDITABLE = ['title', 'description', 'skills'] as const;

export const CancelActivityInput = z.object({ reason: z.string().trim().min(1).max(500) });

const wrongStatus = (status: ActivityStatus, action: string) =>
  conflict('ACTIVITY_STATUS', `A ${status} activity cannot be ${action}`, { status });

/** The activity with the patch applied, if its status allows every field named. */
export const applyPatch = (activity: Activity, patch: PatchActivityInput): Activity => {
  if (activity.status === 'published') {
    const locked = Object.keys(patch).filter((k) => !(PUBLISHED_EDITABLE as readonly string[]).includes(k));
    if (locked.length) throw invalid(Object.fromEntries(locked.map((k) => [k, 'cannot change once published'])));
  } else if (activity.status !== 'draft') {
    throw wrongStatus(activity.status, 'edited');
  }
  return { ...activity, ...patch };
};

export const checkPublishable = (activity: Activity): void => {
  if (activity.status !== 'draft') throw wrongStatus(activity.status, 'published');
};

export const checkCancellable = (activity: Activity): void => {
  if (activity.status !== 'draft' && activity.status !== 'published') throw wrongStatus(activity.status, 'cancelled');
};
