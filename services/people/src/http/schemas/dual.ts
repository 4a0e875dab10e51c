import { z } from '@hono/zod-openapi';
import { DUAL_STATUSES } from '../../domain/person';

export const DualRegistrationItem = z
  .object({
    personId: z.string(),
    displayName: z.string(),
    realName: z.string().optional(),
    workUnit: z.string(),
    partyBranch: z.string(),
    communityId: z.string(),
    status: z.enum(DUAL_STATUSES),
    submittedAt: z.string(),
    decidedAt: z.string().optional(),
    decidedBy: z.string().optional(),
    reason: z.string().optional(),
  })
  .openapi('DualRegistrationItem');

export const DualRegistrationList = z.object({ items: z.array(DualRegistrationItem) }).openapi('DualRegistrationList');

export const DualQuery = z.object({ status: z.enum(DUAL_STATUSES).default('pending') });

export const PersonParams = z.object({ personId: z.string().min(1).max(128) });

export const ConfirmDualBody = z.object({}).openapi('ConfirmDualRegistrationRequest');

export const RejectDualBody = z.object({ reason: z.string().trim().min(2).max(200) }).openapi('RejectDualRegistrationRequest');
