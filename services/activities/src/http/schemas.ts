import { z } from '@hono/zod-openapi';
import { AUDIENCES } from '../domain/activity';
import { PublishActivityInput } from '../domain/publish';

/** Request and response shapes of docs/api.md; the OpenAPI document is generated from them. */
export const PublishActivityBody = PublishActivityInput.openapi('PublishActivity');

const isoTime = z.iso.datetime();

export const ShiftView = z
  .object({
    shiftId: z.string(),
    startsAt: isoTime,
    endsAt: isoTime,
    capacity: z.number().int(),
    confirmed: z.number().int(),
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
    status: z.literal('published'),
    shifts: z.array(ShiftView),
    createdBy: z.string(),
    createdAt: isoTime,
  })
  .openapi('Activity');

export const ActivityPage = z.object({ items: z.array(ActivityView), cursor: z.string().optional() }).openapi('ActivityPage');

export const ClaimView = z
  .object({
    claimId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    status: z.literal('confirmed'),
    activityTitle: z.string(),
    startsAt: isoTime,
    endsAt: isoTime,
    createdAt: isoTime,
  })
  .openapi('Claim');

export const ClaimList = z.object({ items: z.array(ClaimView) }).openapi('ClaimList');

export const ListActivitiesQuery = z.object({
  gridId: z.string().min(1).optional(),
  communityId: z.string().min(1).optional(),
  streetId: z.string().min(1).optional(),
  orgId: z.string().min(1).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).optional(),
});

const pathParam = (name: string) => z.string().min(1).openapi({ param: { name, in: 'path' } });

export const ActivityParams = z.object({ activityId: pathParam('activityId') });
export const ShiftParams = z.object({ activityId: pathParam('activityId'), shiftId: pathParam('shiftId') });

/** Header names arrive lower-cased; the `idempotent` middleware has checked this one already. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(128).openapi({ description: 'A retry with the same key and body gets the first answer' }),
});
