import { type RouteConfig, createRoute } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { type Action, authorize, mayAttempt } from '../auth/policy';
import { type AppEnv, principalOf } from './app';
import { authenticate } from './auth';
import { idempotent } from './idempotency';
import { ErrorBody, jsonContent } from './openapi';
import { writeRateLimits } from './rateLimit';

/**
 * The route kit. Every route a person calls is declared with `securedRoute`: documented
 * with bearer security and its policy action, and, before the request is validated,
 * authenticated, refused with 403 when the caller's roles may not attempt the action, run
 * through the route's own guards, and (for POSTs that create value) made idempotent.
 * Write routes (POST, PUT, PATCH, DELETE) are rate-limited per address and per person (429).
 * The handler then parses nothing itself: `c.req.valid(...)` has the checked input.
 */
export type SecuredRouteConfig = Omit<RouteConfig, 'security' | 'middleware'> & {
  /** The policy's action (shared/src/auth/policy): its roles are checked up front. */
  action: Action;
  /** POSTs that create value: the Idempotency-Key middleware (records in the service's table). */
  idempotent?: boolean;
  /** Route-specific middleware, after authorization and before idempotency (e.g. load shaping). */
  guards?: MiddlewareHandler<AppEnv>[];
};

const authorizeAction = (action: Action): MiddlewareHandler<AppEnv> => async (c, next) => {
  const principal = principalOf(c);
  if (!mayAttempt(principal, action)) authorize(principal, action);
  await next();
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

const tooManyWrites = { 429: jsonContent(ErrorBody, 'Too many writes by this person or from this address; retry after Retry-After') };

/** Authentication and the role check; for writes, the rate limits around authentication. */
const gate = (action: Action, write: boolean): MiddlewareHandler<AppEnv>[] => {
  if (!write) return [authenticate, authorizeAction(action)];
  const { perAddress, perPerson } = writeRateLimits();
  return [perAddress, authenticate, perPerson, authorizeAction(action)];
};

export const securedRoute = <const R extends SecuredRouteConfig>({ action, idempotent: once = false, guards = [], ...config }: R) => {
  const write = WRITES.has(config.method);
  return createRoute({
    ...(config as Omit<R, 'action' | 'idempotent' | 'guards'> & Pick<RouteConfig, 'method' | 'path' | 'responses'>),
    ...(write ? { responses: { ...config.responses, ...tooManyWrites } } : {}),
    security: [{ bearer: [] }],
    'x-action': action,
    middleware: [...gate(action, write), ...guards, ...(once ? [idempotent] : [])] as MiddlewareHandler<AppEnv>[],
  });
};

/** The Idempotency-Key of a request that passed the idempotency middleware. */
export const idempotencyKeyOf = (c: Context<AppEnv>): string => c.req.header('idempotency-key') ?? '';

/**
 * A route served without the ID token, answered the same whoever calls: figures meant for
 * the public (公开), which name no person, or a resource whose URL carries its own revocable
 * capability (a calendar feed's token), for clients that cannot sign in. Reads only,
 * documented with no security and `x-public` saying why; API Gateway serves it without the
 * authorizer (serverless.yml), and the route matrix lists it apart.
 */
export type PublicRouteConfig = Omit<RouteConfig, 'security' | 'middleware' | 'method'> & { method: 'get'; public: string };

export const publicRoute = <const R extends PublicRouteConfig>({ public: why, ...config }: R) =>
  createRoute({
    ...(config as Omit<R, 'public'> & Pick<RouteConfig, 'method' | 'path' | 'responses'>),
    security: [],
    'x-public': why,
  });
