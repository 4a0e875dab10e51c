import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { rateLimited } from '../errors';
import type { AppEnv } from './app';

/**
 * Writes are limited per person and per client address, in this Lambda instance's memory
 * (hono-rate-limiter's MemoryStore): a local guard against one insider or one address
 * flooding the write routes. On AWS the API Gateway stage's throttling is the outer guard,
 * since each instance counts only its own requests. Reads are not limited.
 *
 * Limits come from the environment on every request (so tests and stages can set them):
 * RATE_LIMIT_WRITES_PER_PERSON (30), RATE_LIMIT_WRITES_PER_ADDRESS (120), per window of
 * RATE_LIMIT_WINDOW_SECONDS (60, read once, when the first write route is declared).
 */
const DEFAULTS = { RATE_LIMIT_WRITES_PER_PERSON: 30, RATE_LIMIT_WRITES_PER_ADDRESS: 120, RATE_LIMIT_WINDOW_SECONDS: 60 };

const setting = (name: keyof typeof DEFAULTS): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : DEFAULTS[name];
};

/** The caller's address as API Gateway (or serverless-offline) saw it; none for in-process calls. */
const addressOf = (c: Context<AppEnv>): string | undefined => {
  const context = c.env?.event?.requestContext;
  return context && 'http' in context ? context.http.sourceIp : undefined;
};

const secondsUntil = (resetTime: Date | undefined, windowMs: number) =>
  Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));

const limiter = (limit: keyof typeof DEFAULTS, key: (c: Context<AppEnv>) => string | undefined): MiddlewareHandler<AppEnv> => {
  const windowMs = setting('RATE_LIMIT_WINDOW_SECONDS') * 1000;
  return rateLimiter<AppEnv>({
    windowMs,
    limit: () => setting(limit),
    keyGenerator: (c) => key(c) ?? '',
    skip: (c) => key(c) === undefined,
    // Retry-After is sent by the app's error mapping, with the answer in the one error format.
    standardHeaders: false,
    handler: (c) => {
      throw rateLimited(secondsUntil(c.get('rateLimit')?.resetTime, windowMs));
    },
  });
};

let writeLimits: { perAddress: MiddlewareHandler<AppEnv>; perPerson: MiddlewareHandler<AppEnv> } | undefined;

/**
 * The two limiters every write route shares (one count per person and per address across
 * all of an instance's write routes): `perAddress` runs before authentication, so floods
 * of bad tokens count too; `perPerson` after it, keyed by the authenticated person.
 */
export const writeRateLimits = () =>
  (writeLimits ??= {
    perAddress: limiter('RATE_LIMIT_WRITES_PER_ADDRESS', (c) => {
      const address = addressOf(c);
      return address === undefined ? undefined : `address:${address}`;
    }),
    perPerson: limiter('RATE_LIMIT_WRITES_PER_PERSON', (c) => `person:${c.get('principal').userId}`),
  });
