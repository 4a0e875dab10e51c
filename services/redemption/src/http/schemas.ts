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
    volunteerId: z.string().optional().openapi({ description: 'Only in the volunteer’s own view; a merchant never sees it' }),
    displayName: z.string().optional().openapi({ description: 'The volunteer’s name masked (陈*), what a merchant sees of the person' }),
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

// Ids up to 100 characters, as the API has always accepted (wider than the kit's `pathId`).
export const RewardParams = z.object({ rewardId: z.string().min(1).max(100) });
export const RedemptionParams = z.object({ redemptionId: z.string().min(1).max(100) });

export const RedeemBody = z.object({}).openapi('RedeemRequest');

export const ConfirmBody = z
  .object({ code: z.string().regex(new RegExp(`^\\d{${CODE_DIGITS}}$`), `${CODE_DIGITS} digits`) })
  .openapi('ConfirmRequest');
