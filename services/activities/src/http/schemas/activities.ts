import { z } from '@hono/zod-openapi';
import { pathId } from '@lianxin/shared/http/openapi';
import { AUDIENCES, STATUSES } from '../../domain/activity';
import { CancelActivityInput, PatchActivityInput } from '../../domain/lifecycle';
import { PublishActivityInput } from '../../domain/publish';

/** Request and response shapes of the activity routes; the OpenAPI document is generated from them. */
export const PublishActivityBody = PublishActivityInput.openapi('PublishActivity');
export const PatchActivityBody = PatchActivityInput.openapi('PatchActivity');
export const CancelActivityBody = CancelActivityInput.openapi('CancelActivity');

export const isoTime = z.iso.datetime();

export const ShiftView = z
  .object({
    shiftId: z.string(),
    startsAt: isoTime,
    endsAt: isoTime,
    capacity: z.number().int(),
    confirmed: z.number().int(),
    waitlisted: z.number().int(),
    remaining: z.number().int(),
  })
  .openapi('Shift');

export const ActivityView = z
  .object({
    activityId: z.string(),
    orgId: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    gridId: z.string(),
    communityId: z.string(),
    streetId: z.string(),
    address: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }),
    pointsPerHour: z.number().int(),
    audience: z.enum(AUDIENCES),
    skills: z.array(z.string()),
    status: z.enum(STATUSES),
    cancellationDeadlineHours: z.number().int(),
    cancelReason: z.string().optional(),
    shifts: z.array(ShiftView),
    /** Only in a `near` search: metres from the point. */
    distanceM: z.number().int().optional(),
    createdBy: z.string(),
    createdAt: isoTime,
  })
  .openapi('Activity');

export const ActivityPage = z.object({ items: z.array(ActivityView), cursor: z.string().optional() }).openapi('ActivityPage');

/** `near=lat,lng`: the point to search around. */
const Near = z
  .string()
  .max(64)
  .transform((raw, ctx) => {
    const [lat, lng, ...rest] = raw.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    if (rest.length || lat === undefined || lng === undefined || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
      ctx.addIssue({ code: 'custom', message: 'lat,lng with -90 ≤ lat ≤ 90 and -180 ≤ lng ≤ 180' });
      return z.NEVER;
    }
    return { lat, lng };
  })
  .openapi({ type: 'string', example: '29.7071,115.9869' });

export const ListActivitiesQuery = z.object({
  near: Near.optional(),
  /** The 15-minute walking circle by default. */
  radiusM: z.coerce.number().int().min(50).max(5000).default(1200),
  category: z.string().min(1).max(20).optional(),
  skill: z.string().min(1).max(20).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  gridId: z.string().min(1).max(64).optional(),
  communityId: z.string().min(1).max(64).optional(),
  streetId: z.string().min(1).max(64).optional(),
  orgId: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(512).optional(),
});

export const ActivityParams = pathId('activityId');
