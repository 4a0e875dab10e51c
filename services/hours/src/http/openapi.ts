import { type RouteConfig, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ServiceApp } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';

export { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';

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
