import { type RouteConfig, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '@lianxin/shared/http/app';
import { authenticate } from '@lianxin/shared/http/auth';
import { bearer } from '../http/openapi';

/**
 * Route declarations shared by the wish and emergency-call routes. They authenticate
 * themselves, so the app needs no path-wide `authenticate` for them.
 */
/** A route for any signed-in caller, then `guards` (roles, idempotency) in order. */
export const signedInRoute = <R extends Omit<RouteConfig, 'security' | 'middleware'>>(config: R, ...guards: MiddlewareHandler<AppEnv>[]) =>
  createRoute({ ...config, security: bearer, middleware: [authenticate, ...guards] });

/** A required JSON body validated by `schema`. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ body: { required: true as const, content: { 'application/json': { schema } } } });

/** A non-empty path parameter, named for the OpenAPI document. */
export const pathId = <N extends string>(name: N) =>
  z.object({ [name]: z.string().min(1).openapi({ param: { name, in: 'path' } }) } as Record<N, z.ZodString>);
