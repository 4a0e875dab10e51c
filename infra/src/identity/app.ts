import { createRoute, z } from '@hono/zod-openapi';
import { issueDevToken } from '@lianxin/shared/auth/token';
import { AppError, notFound } from '@lianxin/shared/errors';
import { createServiceApp } from '@lianxin/shared/http/app';
import { type DemoPerson, people } from '../demo/district';

/**
 * The local stage's identity provider: signs tokens with the same claims Cognito issues,
 * for the seeded demo people only. Outside AUTH_MODE=dev it answers 404 to everything.
 */
export const app = createServiceApp('auth', 'Development identity provider (local stage only).');

app.use('/auth/*', async (_c, next) => {
  if ((process.env.AUTH_MODE ?? 'dev') !== 'dev') throw new AppError(404, 'ROUTE_NOT_FOUND', 'The dev identity provider runs on the local stage only');
  await next();
});

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
    responses: { 200: { description: 'A bearer token for the person', content: { 'application/json': { schema: z.object({ token: z.string(), user: DevUser }) } } } },
  }),
  async (c) => {
    const { userId } = c.req.valid('json');
    const person = byId.get(userId);
    if (!person) throw notFound('user', userId);
    return c.json({ token: await issueDevToken(person), user: view(person) }, 200);
  },
);
