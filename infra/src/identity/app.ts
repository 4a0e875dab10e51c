import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '@lianxin/shared/errors';
import { createServiceApp } from '@lianxin/shared/http/app';
import { DEMO_PASSWORD, people } from '../demo/district';
import { readDevMessages } from '../local/cognito/messageBox';

/**
 * What the local stage offers besides Cognito itself, for people trying the platform on their
 * machine: the demo district's logins (real users of the Cognito emulator, one printed
 * password) and the dev message box, where the SMS codes the emulator "sends" land. Unless
 * AUTH_MODE=local it answers 404 to everything; the dev and prod templates do not contain it.
 * Tokens come from the emulator only: nothing here signs one.
 */
export const app = createServiceApp('auth', 'Local stage only: demo logins and the SMS dev message box.');

app.use('/auth/*', async (_c, next) => {
  if (process.env.AUTH_MODE !== 'local') throw new AppError(404, 'ROUTE_NOT_FOUND', 'This runs on the local stage only');
  await next();
});

const DemoLogin = z
  .object({ userId: z.string(), phone: z.string(), name: z.string(), roles: z.array(z.string()), title: z.string(), titleEn: z.string() })
  .openapi('DemoLogin');

/** Where to sign in: the emulator and the portal's client (scripts and tests need no config). */
const Emulator = z.object({ endpoint: z.string(), clientId: z.string(), userPoolId: z.string() });

app.openapi(
  createRoute({
    method: 'get', path: '/auth/dev-users',
    responses: {
      200: {
        description: 'The demo people, their password, and the emulator to sign in at',
        content: { 'application/json': { schema: z.object({ password: z.string(), cognito: Emulator, items: z.array(DemoLogin) }) } },
      },
    },
  }),
  (c) => {
    const cognito = Emulator.parse({
      endpoint: process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, clientId: process.env.AUTH_CLIENT_ID, userPoolId: process.env.USER_POOL_ID,
    });
    return c.json({ password: DEMO_PASSWORD, cognito, items: people.map((p) => DemoLogin.parse(p)) }, 200);
  },
);

const DevMessage = z.object({ at: z.string(), phone: z.string(), code: z.string(), message: z.string() }).openapi('DevMessage');

app.openapi(
  createRoute({
    method: 'get', path: '/auth/dev-messages',
    responses: { 200: { description: 'The SMS the emulator sent, newest first', content: { 'application/json': { schema: z.object({ items: z.array(DevMessage) }) } } } },
  }),
  async (c) => {
    const file = process.env.DEV_MESSAGE_BOX_FILE;
    if (!file) throw new AppError(500, 'NOT_CONFIGURED', 'DEV_MESSAGE_BOX_FILE is unset');
    return c.json({ items: await readDevMessages(file) }, 200);
  },
);
