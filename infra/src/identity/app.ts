import { createRoute, z } from '@hono/zod-openapi';
import { jwksOf, mintIdToken, readAuthConfig } from '@lianxin/shared/auth/token';
import { AppError, notFound } from '@lianxin/shared/errors';
import { createServiceApp } from '@lianxin/shared/http/app';
import { type DemoPerson, people } from '../demo/district';
import { devIdentityKey } from './key';

/**
 * The local stage's identity provider: an issuer of RS256 ID tokens with exactly the claims
 * Cognito's carry, for the seeded demo people only, and the JWKS the services verify them
 * with (AUTH_ISSUER, AUTH_CLIENT_ID and AUTH_JWKS_URI name it). Unless AUTH_MODE=local it
 * answers 404 to everything; the dev and prod templates do not contain it at all.
 */
export const app = createServiceApp('auth', 'Development identity provider (local stage only).');

app.use('/auth/*', async (_c, next) => {
  if (process.env.AUTH_MODE !== 'local') throw new AppError(404, 'ROUTE_NOT_FOUND', 'The dev identity provider runs on the local stage only');
  await next();
});

// A demo session lasts a working day: the local portal has no refresh flow.
const DEV_TOKEN_TTL_SECONDS = 12 * 3600;

const DevUser = z
  .object({
    userId: z.string(), name: z.string(), roles: z.array(z.string()), tags: z.array(z.string()), scopes: z.array(z.string()),
    gridId: z.string().optional(), title: z.string(), titleEn: z.string(),
  })
  .openapi('DevUser');

const byId = new Map(people.map((p) => [p.userId, p]));
const view = (p: DemoPerson) => DevUser.parse(p);

app.openapi(
  createRoute({
    method: 'get', path: '/auth/dev-users',
    responses: { 200: { description: 'The demo people you can log in as', content: { 'application/json': { schema: z.object({ items: z.array(DevUser) }) } } } },
  }),
  (c) => c.json({ items: people.map(view) }, 200),
);

app.openapi(
  createRoute({
    method: 'post', path: '/auth/dev-login',
    request: { body: { required: true, content: { 'application/json': { schema: z.object({ userId: z.string().min(1).max(100) }) } } } },
    responses: { 200: { description: 'An ID token for the person', content: { 'application/json': { schema: z.object({ token: z.string(), user: DevUser }) } } } },
  }),
  async (c) => {
    const { userId } = c.req.valid('json');
    const person = byId.get(userId);
    if (!person) throw notFound('user', userId);
    const token = await mintIdToken(person, devIdentityKey(), readAuthConfig(), { ttlSeconds: DEV_TOKEN_TTL_SECONDS });
    return c.json({ token, user: view(person) }, 200);
  },
);

const Jwks = z.object({ keys: z.array(z.object({ kid: z.string(), kty: z.string(), alg: z.string(), use: z.string(), n: z.string(), e: z.string() })) });

app.openapi(
  createRoute({
    method: 'get', path: '/auth/.well-known/jwks.json',
    responses: { 200: { description: 'The public key that verifies the tokens issued here', content: { 'application/json': { schema: Jwks } } } },
  }),
  (c) => c.json(Jwks.parse(jwksOf(devIdentityKey())), 200),
);
