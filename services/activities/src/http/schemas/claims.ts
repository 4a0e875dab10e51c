import { z } from '@hono/zod-openapi';
import { pathId } from '@lianxin/shared/http/openapi';
import { CLAIM_STATUSES } from '../../domain/claim';
import { isoTime } from './activities';

export const ClaimView = z
  .object({
    claimId: z.string(),
    activityId: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    status: z.enum(CLAIM_STATUSES),
    /** On a waitlisted answer: 1 is next in line. */
    position: z.number().int().optional(),
    activityTitle: z.string(),
    startsAt: isoTime,
    endsAt: isoTime,
    createdAt: isoTime,
  })
  .openapi('Claim');

export const ClaimList = z.object({ items: z.array(ClaimView) }).openapi('ClaimList');

export const ClaimParams = pathId('claimId');
export const ShiftParams = z.object({ ...pathId('activityId').shape, ...pathId('shiftId').shape });

export const RosterView = z
  .object({
    items: z.array(z.object({
      claimId: z.string(),
      volunteerId: z.string(),
      volunteerName: z.string(),
      status: z.enum(['confirmed', 'waitlisted']),
      position: z.number().int().optional(),
      claimedAt: z.string(),
    })),
  })
  .openapi('Roster');

export const RosterQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
