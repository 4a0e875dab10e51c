import { z } from 'zod';
import type { Principal } from '@lianxin/shared/auth/principal';
import { scopeIds } from '@lianxin/shared/auth/principal';
import { AppError, forbidden, invalid, notFound } from '@lianxin/shared/errors';
import { type Activity, AUDIENCES, CATEGORIES } from './activity';
import { type GridEntry, type OrganizationEntry, servesGrid } from './directory';

const isoTime = z.iso.datetime({ offset: true });

export const ShiftInput = z
  .object({
    startsAt: isoTime,
    endsAt: isoTime,
    capacity: z.number().int().min(1).max(500),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { path: ['endsAt'], message: 'must be after startsAt' });

/** What an organizer sends to publish an activity (the HTTP body and the seed alike). */
export const PublishActivityInput = z.object({
  orgId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(100),
  description: z.string().max(2000).default(''),
  category: z.enum(CATEGORIES),
  gridId: z.string().min(1).max(64),
  address: z.string().trim().min(1).max(200),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
  pointsPerHour: z.number().int().min(1).max(100),
  audience: z.enum(AUDIENCES).default('everyone'),
  skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  shifts: z.array(ShiftInput).min(1).max(20),
});
export type PublishActivityInput = z.infer<typeof PublishActivityInput>;

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
 * A new published activity, placed in the grid's community and street. The grid must be
 * one the organization serves: an organizer cannot publish in another organization's grid.
 */
export const planActivity = (command: PublishCommand, { grid, organization }: PublishContext, now: Date): Activity => {
  const { input } = command;
  if (!grid) throw notFound('grid', input.gridId);
  if (!servesGrid(organization, grid.gridId)) {
    throw new AppError(403, 'FORBIDDEN', 'The organization does not serve this grid', { gridId: 'not one of the organization\'s grids' });
  }
  if (command.shiftIds.length !== input.shifts.length) throw new Error('planActivity needs one shift id per shift');
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
    status: 'published',
    shifts: input.shifts.map((s, i) => ({
      shiftId: command.shiftIds[i]!,
      startsAt: utc(s.startsAt),
      endsAt: utc(s.endsAt),
      capacity: s.capacity,
      confirmed: 0,
    })),
    createdBy: command.createdBy,
    createdAt: now.toISOString(),
  };
};
