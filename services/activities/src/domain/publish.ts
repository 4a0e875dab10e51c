import { z } from '@hono/zod-openapi'; // zod with .openapi(), whichever module loads first
import type { Principal } from '@lianxin/shared/auth/principal';
import { scopeIds } from '@lianxin/shared/auth/principal';
import { AppError, forbidden, invalid, notFound } from '@lianxin/shared/errors';
import { type Activity, AUDIENCES, CATEGORIES, DEFAULT_CANCELLATION_DEADLINE_HOURS } from './activity';
import { type GridEntry, type OrganizationEntry, servesGrid } from './directory';
import { MAX_RECURRING_SHIFTS, RecurrenceInput, type ShiftTimes, expandRecurrence } from './recurrence';

const isoTime = z.iso.datetime({ offset: true });

export const ShiftInput = z
  .object({
    startsAt: isoTime,
    endsAt: isoTime,
    capacity: z.number().int().min(1).max(500),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { path: ['endsAt'], message: 'must be after startsAt' });

/** The fields an organizer may change while the activity is a draft (no defaults: a patch names what changes). */
export const EditableFields = z.object({
  title: z.string().trim().min(1).max(100),
  description: z.string().max(2000),
  category: z.enum(CATEGORIES),
  address: z.string().trim().min(1).max(200),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
  pointsPerHour: z.number().int().min(1).max(100),
  audience: z.enum(AUDIENCES),
  skills: z.array(z.string().trim().min(1).max(20)).max(10),
  cancellationDeadlineHours: z.number().int().min(0).max(168),
});

/** The fields an organizer describes an activity with when creating it. */
export const ActivityFields = EditableFields.extend({
  orgId: z.string().min(1).max(64).optional(),
  gridId: z.string().min(1).max(64),
  description: EditableFields.shape.description.default(''),
  audience: EditableFields.shape.audience.default('everyone'),
  skills: EditableFields.shape.skills.default([]),
  cancellationDeadlineHours: EditableFields.shape.cancellationDeadlineHours.default(DEFAULT_CANCELLATION_DEADLINE_HOURS),
});

/**
 * What an organizer sends to create an activity (the HTTP body and the seed alike): either
 * explicit `shifts` or a weekly `recurrence`; `draft: true` keeps it unpublished. Old
 * clients send neither `draft` nor `recurrence` and get a published activity as before.
 */
export const PublishActivityInput = ActivityFields.extend({
  draft: z.boolean().default(false),
  shifts: z.array(ShiftInput).min(1).max(20).optional(),
  recurrence: RecurrenceInput.optional(),
})
  .refine((i) => (i.shifts === undefined) !== (i.recurrence === undefined), { path: ['shifts'], message: 'give either shifts or recurrence' })
  .refine((i) => !i.recurrence || expandRecurrence(i.recurrence).length >= 1, { path: ['recurrence', 'weekdays'], message: 'no weekday falls between from and until' })
  .refine((i) => !i.recurrence || expandRecurrence(i.recurrence).length <= MAX_RECURRING_SHIFTS, {
    path: ['recurrence'],
    message: `at most ${MAX_RECURRING_SHIFTS} shifts`,
  });
export type PublishActivityInput = z.infer<typeof PublishActivityInput>;

/** The shifts the input asks for, explicit or generated from the rota, in the order given. */
export const shiftsOfInput = (input: Pick<PublishActivityInput, 'shifts' | 'recurrence'>): ShiftTimes[] =>
  input.shifts ?? (input.recurrence ? expandRecurrence(input.recurrence) : []);

/**
 * The organization an organizer publishes for: the one they name, or their only one.
 * Naming is required only when they organize for several.
 */
export const publishingOrganization = (principal: Principal, requested?: string): string => {
  const orgIds = scopeIds(principal, 'org');
  if (requested !== undefined) {
    if (!orgIds.includes(requested)) throw new AppError(403, 'FORBIDDEN', 'You do not organize for this organization', { orgId: 'not one of your organizations' });
    return requested;
  }
  const [only, ...others] = orgIds;
  if (!only) throw forbidden('You do not organize for any organization');
  if (others.length) throw invalid({ orgId: 'required: you organize for several organizations' });
  return only;
};

/** Publishing announces shifts to volunteers: one already over cannot be claimed, so it is refused (400 naming it). */
export const checkNotEnded = (shifts: Pick<ShiftTimes, 'endsAt'>[], now: Date): void => {
  const over = shifts.flatMap((s, i) => (Date.parse(s.endsAt) <= now.getTime() ? [[`shifts.${i}.endsAt`, 'already over']] : []));
  if (over.length) throw invalid(Object.fromEntries(over), 'A shift has already ended');
};

export interface PublishCommand {
  activityId: string;
  /** One id per shift of the input, in order. */
  shiftIds: string[];
  orgId: string;
  input: PublishActivityInput;
  createdBy: string;
}

export interface PublishContext { grid: GridEntry | undefined; organization: OrganizationEntry | undefined }

const utc = (time: string) => new Date(time).toISOString();

/**
 * A new activity (published, or a draft), placed in the grid's community and street. The
 * grid must be one the organization serves: an organizer cannot publish in another
 * organization's grid.
 */
export const planActivity = (command: PublishCommand, { grid, organization }: PublishContext, now: Date): Activity => {
  const { input } = command;
  if (!grid) throw notFound('grid', input.gridId);
  if (!servesGrid(organization, grid.gridId)) {
    throw new AppError(403, 'FORBIDDEN', 'The organization does not serve this grid', { gridId: 'not one of the organization\'s grids' });
  }
  const shifts = shiftsOfInput(input);
  if (command.shiftIds.length !== shifts.length) throw new Error('planActivity needs one shift id per shift');
  return {
    activityId: command.activityId,
    orgId: command.orgId,
    title: input.title,
    description: input.description,
    category: input.category,
    gridId: grid.gridId,
    communityId: grid.communityId,
    streetId: grid.streetId,
    address: input.address,
    location: input.location,
    pointsPerHour: input.pointsPerHour,
    audience: input.audience,
    skills: input.skills,
    status: input.draft ? 'draft' : 'published',
    cancellationDeadlineHours: input.cancellationDeadlineHours,
    shifts: shifts.map((s, i) => ({
      shiftId: command.shiftIds[i]!,
      startsAt: utc(s.startsAt),
      endsAt: utc(s.endsAt),
      capacity: s.capacity,
      confirmed: 0,
      waitlisted: 0,
    })),
    createdBy: command.createdBy,
    createdAt: now.toISOString(),
  };
};
