import { type RouteConfig, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ServiceApp } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';

/** The one error format, documented once. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'CODE_EXPIRED' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

const ERROR_MEANINGS = {
  400: 'Invalid input; `fields` names what is wrong',
  401: 'No or invalid bearer token',
  403: 'Missing role or scope',
  404: 'Unknown id or code',
  409: 'The state does not allow it',
  410: 'The code expired or was replaced',
  422: 'Idempotency-Key reused with another body',
} as const;

export const errorResponses = (...statuses: (keyof typeof ERROR_MEANINGS)[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_MEANINGS[s], content: { 'application/json': { schema: ErrorSchema } } }]),
  );

export const jsonContent = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

/** A route that needs a bearer token: documented as such, and guarded before validation. */
export const securedRoute = <R extends Omit<RouteConfig, 'security'>>(
  app: ServiceApp,
  config: R,
  ...guards: MiddlewareHandler<AppEnv>[]
) => {
  const route = createRoute({ ...config, security: [{ bearer: [] }] });
  app.use(route.getRoutingPath(), authenticate, ...guards);
  return route;
};
