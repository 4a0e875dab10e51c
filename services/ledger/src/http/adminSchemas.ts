import { z } from '@hono/zod-openapi';

const amount = z.number().int().positive().openapi({ description: 'Points, a positive integer' });
const reason = z.string().trim().min(1).max(200).openapi({ description: 'Why (mandatory; shown in statements and audits)' });

export const AdjustmentBody = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('AWARD'), userId: z.string().min(1).max(100), amount, reason,
      orgId: z.string().min(1).max(100).optional().openapi({ description: "Award from this organization's budget (its organizers may)" }),
    }),
    z.object({ kind: z.literal('FUND_BUDGET'), orgId: z.string().min(1).max(100), amount, reason }),
    z.object({ kind: z.literal('DEDUCT'), userId: z.string().min(1).max(100), amount, reason }),
    z.object({ kind: z.literal('REVERSAL'), originalTransferId: z.string().min(1).max(200), amount, reason }),
  ])
  .openapi('AdjustmentRequest');

export const Adjustment = z
  .object({
    transferId: z.string(),
    kind: z.enum(['AWARD', 'DEDUCT', 'REVERSAL', 'FUND_BUDGET']),
    accountId: z.string(),
    amount: z.number().int(),
    reason: z.string(),
    originalTransferId: z.string().optional(),
  })
  .openapi('Adjustment');

export const FreezeBody = z.object({ reason }).openapi('FreezeRequest');

export const AccountParam = z.object({ accountId: z.string().min(3).max(200) });

const rate = z.number().int().min(0).max(10_000);
const cap = z.number().int().positive().max(1_000_000);

const LotValidity = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('endOfFollowingYear') }),
    z.object({ kind: z.literal('months'), months: z.number().int().min(1).max(120) }),
  ])
  .openapi('LotValidity', { description: 'How long earned points stay valid: to the end of the following year, or N months after the month earned' });

export const PolicyBody = z
  .object({
    minPointsPerHour: rate,
    maxPointsPerHour: rate,
    categoryCoefficients: z.record(z.string().min(1).max(40), z.number().min(0).max(10)),
    dailyCap: cap,
    monthlyCap: cap,
    maxOrganizerBonus: z.number().int().min(0).max(1000).default(20).openapi({ description: "Most an organizer's bonus adds to one hour log" }),
    lotValidity: LotValidity.default({ kind: 'endOfFollowingYear' }),
  })
  .refine((p) => p.maxPointsPerHour >= p.minPointsPerHour, { path: ['maxPointsPerHour'], message: 'must be at least minPointsPerHour' })
  .refine((p) => p.monthlyCap >= p.dailyCap, { path: ['monthlyCap'], message: 'must be at least dailyCap' })
  .openapi('EarningPolicyRequest');

export const Policy = z
  .object({
    version: z.number().int(),
    minPointsPerHour: z.number().int(),
    maxPointsPerHour: z.number().int(),
    categoryCoefficients: z.record(z.string(), z.number()),
    dailyCap: z.number().int(),
    monthlyCap: z.number().int(),
    maxOrganizerBonus: z.number().int(),
    lotValidity: LotValidity,
  })
  .openapi('EarningPolicy');
