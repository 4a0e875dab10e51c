import { z } from '@hono/zod-openapi';

export const Balance = z
  .object({
    accountId: z.string(),
    available: z.number().int(),
    held: z.number().int(),
    posted: z.number().int(),
    pendingIncoming: z.number().int(),
    lifetimeEarned: z.number().int(),
    frozen: z.boolean().openapi({ description: 'Frozen (一票否决): earns nothing new and cannot redeem' }),
    expiringSoon: z.number().int().openapi({ description: 'Available points whose lot expires within 30 days' }),
    nextExpiry: z.string().optional().openapi({ description: 'When the oldest of those expires' }),
    lots: z
      .array(z.object({ expiresAt: z.string(), points: z.number().int() }))
      .openapi({ description: 'Available points by expiry cohort, oldest first (spent first)' }),
  })
  .openapi('Balance');

export const StatementLine = z
  .object({
    seq: z.number().int(),
    transferId: z.string(),
    kind: z.string(),
    amount: z.number().int().openapi({ description: 'Change of posted points (signed)' }),
    heldDelta: z.number().int().openapi({ description: 'Change of held points (signed)' }),
    balanceAfter: z.number().int().openapi({ description: 'Available points after this line' }),
    memo: z.string(),
    at: z.string(),
  })
  .openapi('StatementLine');

export const Statement = z.object({ items: z.array(StatementLine), cursor: z.string().optional() }).openapi('Statement');

export const StatementQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^\d+$/, 'cursor must come from a previous page').optional(),
});

export { ErrorBody } from '@lianxin/shared/http/openapi';
