import { createRoute, z } from '@hono/zod-openapi';
import type { ServiceApp } from '@lianxin/shared/http/app';
import { monthOf } from '../domain/transparency';
import { transparencyReport } from '../store/transparency';
import { errorResponses } from './access';

const Query = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period must be a year (2026) or a month (2026-11)')
    .optional()
    .openapi({ description: 'A year or a month (Beijing time); the current month by default' }),
  communityId: z.string().min(1).max(100).optional().openapi({ description: 'One community; every community when absent' }),
});

const measures = { issued: z.number().int(), redeemed: z.number().int(), expired: z.number().int(), corrected: z.number().int() };

const Report = z
  .object({
    period: z.string(),
    communities: z.array(z.object({ communityId: z.string(), ...measures })),
    total: z.object(measures),
  })
  .openapi('TransparencyReport', {
    description: 'Points issued (earned and awarded), redeemed, expired and corrected (deductions and reversals) per community; aggregates only, no personal data. A wallet counts in the community of its latest earn.',
  });

const route = createRoute({
  method: 'get', path: '/ledger/transparency', security: [{ bearer: [] }],
  summary: 'Points issued, redeemed and expired per community (公开透明; anyone signed in)',
  request: { query: Query },
  responses: {
    200: { description: 'The aggregates, per community and in total', content: { 'application/json': { schema: Report } } },
    ...errorResponses({ 400: 'Bad input', 401: 'Not signed in' }),
  },
});

export const registerTransparency = (app: ServiceApp) =>
  app.openapi(route, async (c) => {
    const { period, communityId } = c.req.valid('query');
    return c.json(await transparencyReport(period ?? monthOf(new Date()), communityId), 200);
  });
