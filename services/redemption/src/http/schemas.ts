import { z } from '@hono/zod-openapi';
import { CODE_DIGITS, REDEMPTION_STATUSES } from '../domain/redemption';

export const Reward = z
  .object({
    rewardId: z.string(),
    merchantId: z.string(),
    merchantName: z.string(),
    title: z.string(),
    titleEn: z.string(),
    points: z.number().int().positive(),
    stock: z.number().int().nonnegative(),
  })
  .openapi('Reward');

export const RewardList = z.object({ items: z.array(Reward) }).openapi('RewardList');

export const RewardQuery = z.object({ merchantId: z.string().min(1).max(100).optional() });

export const Redemption = z
  .object({
    redemptionId: z.string(),
    rewardId: z.string(),
    rewardTitle: z.string(),
    merchantId: z.string(),
    merchantName: z.string(),
    volunteerId: z.string(),
    points: z.number().int().positive(),
    status: z.enum(REDEMPTION_STATUSES),
    code: z.string().optional().openapi({ description: 'One-time code, shown to the volunteer only while held' }),
    expiresAt: z.string().optional().openapi({ description: 'When the one-time code stops working' }),
    failureReason: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Redemption');

export const RedemptionList = z.object({ items: z.array(Redemption) }).openapi('RedemptionList');

export const RewardParams = z.object({ rewardId: z.string().min(1).max(100) });
export const RedemptionParams = z.object({ redemptionId: z.string().min(1).max(100) });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(128).openapi({ description: 'Idempotency-Key: repeat it to retry safely' }),
});

export const RedeemBody = z.object({}).openapi('RedeemRequest');

export const ConfirmBody = z
  .object({ code: z.string().regex(new RegExp(`^\\d{${CODE_DIGITS}}$`), `${CODE_DIGITS} digits`) })
  .openapi('ConfirmRequest');

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }) })
  .openapi('Error');

export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

const ERROR_MEANINGS = {
  400: 'Invalid input (fields named) or malformed JSON',
  401: 'Not signed in',
  403: 'Not allowed for this role or shop',
  404: 'Unknown id or code',
  409: 'State conflict (out of stock, code already used)',
  410: 'The code has expired',
  422: 'Idempotency-Key reused with another request',
} as const;

/** The error answers a route may give, documented with the one error format. */
export const errors = (...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 422)[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(ErrorBody, ERROR_MEANINGS[s])])) as Record<number, ReturnType<typeof json>>;
