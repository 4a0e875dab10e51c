import { createRoute, z } from '@hono/zod-openapi';
import type { ServiceApp } from '@lianxin/shared/http/app';
import { invalid } from '@lianxin/shared/errors';
import { bearer, errors, json } from '../http/openapi';
import { only } from '../http/roles';
import { participation } from './participation';
import { COUNTERS, statsShards } from './store';

const SCOPES = ['gridId', 'communityId', 'streetId'] as const;

const StatsQuery = z.object({
  gridId: z.string().min(1).optional(),
  communityId: z.string().min(1).optional(),
  streetId: z.string().min(1).optional(),
});

const counts = Object.fromEntries(COUNTERS.map((c) => [c, z.number().int()])) as Record<(typeof COUNTERS)[number], z.ZodNumber>;

const ParticipationView = z
  .object({
    scope: StatsQuery,
    totals: z.object(counts),
    communities: z.array(z.object({ communityId: z.string(), streetId: z.string(), ...counts })),
    grids: z.array(z.object({ gridId: z.string(), communityId: z.string(), ...counts })),
  })
  .openapi('Participation');

const participationRoute = createRoute({
  method: 'get',
  path: '/stats/participation',
  summary: 'Activities, shifts and claims counted per grid and per community, for one grid, community or street (organizer or admin)',
  security: bearer,
  middleware: [only('organizer', 'admin')] as const,
  request: { query: StatsQuery },
  responses: { 200: json(ParticipationView, 'The counts'), ...errors(400, 401, 403) },
});

/** Exactly one of gridId, communityId, streetId: the counts are for that place. */
const scopeOf = (query: z.infer<typeof StatsQuery>) => {
  const named = SCOPES.filter((s) => query[s]);
  if (named.length === 1) return { [named[0]!]: query[named[0]!] } as z.infer<typeof StatsQuery>;
  const message = 'give exactly one of gridId, communityId, streetId';
  throw invalid(Object.fromEntries((named.length ? named : SCOPES).map((s) => [s, message])), message);
};

export const registerStatsRoutes = (app: ServiceApp) => {
  app.openapi(participationRoute, async (c) => {
    const scope = scopeOf(c.req.valid('query'));
    return c.json({ scope, ...participation(await statsShards(scope)) }, 200);
  });
};
