import { z } from '@hono/zod-openapi';
import { pathId } from '@lianxin/shared/http/openapi';
import { IssueCallInput, LEVELS, RespondInput } from '../../domain/emergency/call';

export const IssueCallBody = IssueCallInput.openapi('IssueEmergencyCall');
export const RespondBody = RespondInput.openapi('EmergencyResponse');

const ids = z.array(z.string());

export const CallView = z
  .object({
    callId: z.string(),
    orgId: z.string(),
    title: z.string(),
    description: z.string(),
    gridIds: ids,
    communityIds: ids,
    streetIds: ids,
    targetHeadcount: z.number().int(),
    musterPoint: z.object({ address: z.string(), lat: z.number(), lng: z.number() }),
    escalateAfterMinutes: z.number().int(),
    level: z.enum(LEVELS),
    accepted: z.number().int(),
    declined: z.number().int(),
    status: z.literal('open'),
    issuedBy: z.string(),
    issuedAt: z.string(),
    escalateAt: z.string().optional(),
    headcount: z.object({
      accepted: z.number().int(),
      declined: z.number().int(),
      target: z.number().int(),
      reachedGridIds: ids,
      reachedCommunityIds: ids,
      reachedStreetIds: ids,
      level: z.enum(LEVELS),
    }),
  })
  .openapi('EmergencyCall');

export const CallList = z.object({ items: z.array(CallView) });

export const CallParams = pathId('callId');
