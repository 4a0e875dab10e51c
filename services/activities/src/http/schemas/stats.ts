import { z } from '@hono/zod-openapi';
import { COUNTERS } from '../../domain/stats/counters';

export const StatsQuery = z.object({
  gridId: z.string().min(1).max(64).optional(),
  communityId: z.string().min(1).max(64).optional(),
  streetId: z.string().min(1).max(64).optional(),
});

const counts = Object.fromEntries(COUNTERS.map((c) => [c, z.number().int()])) as Record<(typeof COUNTERS)[number], z.ZodNumber>;

export const ParticipationView = z
  .object({
    scope: StatsQuery,
    totals: z.object(counts),
    communities: z.array(z.object({ communityId: z.string(), streetId: z.string(), ...counts })),
    grids: z.array(z.object({ gridId: z.string(), communityId: z.string(), ...counts })),
  })
  .openapi('Participation');

export const ReliabilityView = z
  .object({
    ratio: z.number().min(0).max(1).openapi({ description: 'attended ÷ confirmed; 1 without history' }),
    attended: z.number().int(),
    confirmed: z.number().int(),
    windowDays: z.number().int(),
    threshold: z.number().openapi({ description: 'below it, a volunteer waits behind reliable volunteers on waitlists' }),
  })
  .openapi('Reliability');
