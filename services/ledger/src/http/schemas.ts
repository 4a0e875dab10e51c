import { adminLogQuery } from '@lianxin/shared/http/openapi';
import { z } from '@hono/zod-openapi';
import { DEFAULT_POLICY } from '../domain/policy';

// ---- balances and statements ----

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
    correlationId: z.string().optional().openapi({ description: 'The request or event chain that caused it (X-Correlation-Id)' }),
  })
  .openapi('StatementLine');

export const Statement = z.object({ items: z.array(StatementLine), cursor: z.string().optional() }).openapi('Statement');

export const StatementQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^\d+$/, 'cursor must come from a previous page').optional(),
});

export const AccountParam = z.object({ accountId: z.string().min(3).max(200) });

// ---- adjustments and freezes ----

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

// ---- the earning policy ----

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
    wishPointsPerHour: rate.default(DEFAULT_POLICY.wishPointsPerHour).openapi({ description: 'Points per hour of a fulfilled micro-wish (微心愿), which has no rate of its own' }),
    categoryCoefficients: z.record(z.string().min(1).max(40), z.number().min(0).max(10)),
    dailyCap: cap,
    monthlyCap: cap,
    maxOrganizerBonus: z.number().int().min(0).max(1000).default(DEFAULT_POLICY.maxOrganizerBonus).openapi({ description: "Most an organizer's bonus adds to one hour log" }),
    maxAdjustment: z.number().int().min(1).max(1_000_000).default(DEFAULT_POLICY.maxAdjustment).openapi({ description: 'Most one award, deduction or reversal may move' }),
    maxBudgetFunding: z.number().int().min(1).max(100_000_000).default(DEFAULT_POLICY.maxBudgetFunding).openapi({ description: "Most one funding of an organization's budget may add" }),
    lotValidity: LotValidity.default(DEFAULT_POLICY.lotValidity),
  })
  .refine((p) => p.maxPointsPerHour >= p.minPointsPerHour, { path: ['maxPointsPerHour'], message: 'must be at least minPointsPerHour' })
  .refine((p) => p.monthlyCap >= p.dailyCap, { path: ['monthlyCap'], message: 'must be at least dailyCap' })
  .openapi('EarningPolicyRequest');

export const Policy = z
  .object({
    version: z.number().int(),
    minPointsPerHour: z.number().int(),
    maxPointsPerHour: z.number().int(),
    wishPointsPerHour: z.number().int(),
    categoryCoefficients: z.record(z.string(), z.number()),
    dailyCap: z.number().int(),
    monthlyCap: z.number().int(),
    maxOrganizerBonus: z.number().int(),
    maxAdjustment: z.number().int(),
    maxBudgetFunding: z.number().int(),
    lotValidity: LotValidity,
  })
  .openapi('EarningPolicy');

// ---- transparency and the audit ----

export const TransparencyQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period must be a year (2026) or a month (2026-11)')
    .optional()
    .openapi({ description: 'A year or a month (Beijing time); the current month by default' }),
  communityId: z.string().min(1).max(100).optional().openapi({ description: 'One community; every community when absent' }),
});

const measures = { issued: z.number().int(), redeemed: z.number().int(), expired: z.number().int(), corrected: z.number().int() };

const awardedBy = z.string().openapi({ description: "`org:<id>` for awards from that organization's budget, `issuance` for awards admins minted" });
const awardFigures = { points: z.number().int(), count: z.number().int().openapi({ description: 'How many awards' }) };

export const TransparencyReport = z
  .object({
    period: z.string(),
    communities: z.array(z.object({ communityId: z.string(), ...measures })),
    total: z.object(measures),
    awards: z.array(z.object({ awardedBy, communityId: z.string(), ...awardFigures })),
    awardsByOrganisation: z.array(z.object({ awardedBy, ...awardFigures })),
  })
  .openapi('TransparencyReport', {
    description: 'Points issued (earned and awarded), redeemed, expired and corrected (deductions and reversals) per community, and the awards per awarding organization (per community and in all); aggregates only, no personal data. A wallet counts in the community of its latest earn.',
  });

// ---- the admin log ----

export const AdminLogQuery = adminLogQuery(20);

const stateOf = z.record(z.string(), z.unknown());

export const AdminLog = z
  .object({
    items: z.array(z.object({
      entryId: z.string(),
      at: z.string(),
      actor: z.string().openapi({ description: 'The admin or organizer who acted' }),
      action: z.enum(['AWARD', 'DEDUCT', 'REVERSAL', 'FUND_BUDGET', 'FREEZE', 'UNFREEZE', 'POLICY_CHANGE']),
      target: z.string().openapi({ description: 'The account acted on, or `policy`' }),
      reason: z.string().optional(),
      amount: z.number().int().optional(),
      transferId: z.string().optional(),
      before: stateOf.openapi({ description: "The account's available points and frozen flag, or the whole policy, before" }),
      after: stateOf.openapi({ description: 'The same, after' }),
    }).openapi('AdminLogEntry')),
    cursor: z.string().optional(),
  })
  .openapi('AdminLog');

export const AuditReport = z
  .object({
    ok: z.boolean(),
    takenAt: z.string(),
    checks: z.array(z.object({
      name: z.string(),
      ok: z.boolean(),
      details: z.string(),
      needsDrainedProjector: z.boolean().openapi({ description: 'Holds only once the projector has applied every committed transfer' }),
    })),
  })
  .openapi('LedgerAuditReport');
