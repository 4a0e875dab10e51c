import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Context, MiddlewareHandler } from 'hono';
import type { LambdaEvent } from 'hono/aws-lambda';
import { cors } from 'hono/cors';
import type { RateLimitInfo } from 'hono-rate-limiter';
import type { z } from 'zod';
import { withContext } from '../context';
import { AppError, type FieldErrors, invalid } from '../errors';
import { newId } from '../ids';
import { createLogger } from '../logger';
import type { Principal } from '../auth/principal';
import { type ServiceTable, serviceTable } from '../db/table';

export type AppEnv = {
  Bindings: { event?: LambdaEvent };
  /**
   * `table`: the service's own table, where idempotency records live beside what they made.
   * `rateLimit`: the write limiter's count for this request (./rateLimit.ts).
   */
  Variables: { principal: Principal; table?: ServiceTable; rateLimit?: RateLimitInfo };
};

export type ServiceApp = OpenAPIHono<AppEnv>;

/** Zod issues → `{ "shifts.0.capacity": "Too small: expected number to be >0" }`. */
export const fieldsOf = (error: z.ZodError): FieldErrors =>
  Object.fromEntries(error.issues.map((i) => [i.path.map(String).join('.') || 'body', i.message]));

/** A caller's own correlation id is kept when it is a plausible id; otherwise a new one starts. */
const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * CORS for the portal's origins only (PORTAL_ORIGINS, comma-separated). Any other origin
 * gets no CORS header at all, not even on a preflight, so its browser refuses the call;
 * with no origins configured (same-origin deployments, tests) nothing is added.
 */
const portalCors = (): MiddlewareHandler<AppEnv> | undefined => {
  const origins = (process.env.PORTAL_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (!origins.length) return undefined;
  const answer = cors({
    origin: origins,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id'],
    exposeHeaders: ['Retry-After', 'X-Correlation-Id', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return async (c, next) => (origins.includes(c.req.header('origin') ?? '') ? answer(c, next) : next());
};

/**
 * A service's HTTP app: zod-validated routes, the one error format, CORS for the portal,
 * and its OpenAPI document at `GET /<service>/openapi.json`, generated from the same schemas.
 */
export const createServiceApp = (service: string, description: string, tableEnv?: string): ServiceApp => {
  const log = createLogger(service);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalid(fieldsOf(result.error));
    },
  });

  const corsForPortal = portalCors();
  if (corsForPortal) app.use(corsForPortal);

  // Everything this request causes (logs, events, their consumers' work) carries one id.
  app.use(async (c, next) => {
    const given = c.req.header('x-correlation-id');
    const correlationId = given && CORRELATION_ID.test(given) ? given : newId('cor');
    c.header('X-Correlation-Id', correlationId);
    if (tableEnv) c.set('table', serviceTable(tableEnv));
    await withContext({ correlationId }, next);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31(`/${service}/openapi.json`, {
    openapi: '3.1.0',
    info: { title: `Lianxin ${service} API`, version: '1.0.0', description },
  });

  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json(error.toBody(), error.status);
    }
    if (error instanceof HTTPException && error.status === 400) {
      return c.json(new AppError(400, 'MALFORMED_JSON', 'The request body is not valid JSON', { body: 'malformed JSON' }).toBody(), 400);
    }
    log.error('unhandled error', { error: String(error), stack: (error as Error).stack, path: c.req.path });
    return c.json(new AppError(500, 'INTERNAL', 'Something went wrong on our side').toBody(), 500);
  });
  app.notFound((c) => c.json(new AppError(404, 'ROUTE_NOT_FOUND', `No route ${c.req.method} ${c.req.path}`).toBody(), 404));
  return app;
};

export const principalOf = (c: Context<AppEnv>): Principal => c.get('principal');
