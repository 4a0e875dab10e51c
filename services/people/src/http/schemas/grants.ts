import { z } from '@hono/zod-openapi';
import { GRANTED_ROLES, SCOPE_PATTERN } from '../../domain/grants';

export const Grant = z
  .object({
    grantId: z.string(),
    personId: z.string(),
    role: z.enum(GRANTED_ROLES),
    scope: z.string().openapi({ example: 'org:org-cpb-hubin' }),
    grantedBy: z.string(),
    grantedAt: z.string(),
    reason: z.string(),
    revokedAt: z.string().optional(),
    revokedBy: z.string().optional(),
    revokeReason: z.string().optional(),
  })
  .openapi('Grant');

export const GrantList = z.object({ items: z.array(Grant) }).openapi('GrantList');

const reason = z.string().trim().min(2).max(200);

export const GrantBody = z
  .object({
    personId: z.string().min(1).max(128),
    role: z.enum(GRANTED_ROLES),
    scope: z.string().regex(SCOPE_PATTERN, 'org:<id>, merchant:<id> or alliance:<id>'),
    reason,
  })
  .openapi('GrantRequest');

export const RevokeBody = z.object({ reason }).openapi('RevokeGrantRequest');

export const GrantParams = z.object({ grantId: z.string().min(1).max(64) });

export const GrantQuery = z.object({ personId: z.string().min(1).max(128) });

export const LookupQuery = z.object({ phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164, e.g. +8613800138000') });

export const PersonLookup = z
  .object({ personId: z.string(), displayName: z.string().optional(), phoneMasked: z.string().openapi({ example: '+86138****8000' }) })
  .openapi('PersonLookup');
