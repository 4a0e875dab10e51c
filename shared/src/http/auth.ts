import { FetchError } from 'aws-jwt-verify/error';
import type { MiddlewareHandler } from 'hono';
import { AuthConfigError, readAuthConfig, verifyIdToken } from '../auth/token';
import { unauthorized } from '../errors';
import { createLogger } from '../logger';
import type { AppEnv } from './app';

const log = createLogger('auth');

/**
 * Who is calling: the bearer ID token, verified here on every stage by one code path
 * (../auth/token.ts). On AWS the API Gateway authorizer has checked it already; the service
 * does not trust that on its own word. A service without its auth configuration refuses
 * everyone rather than guessing one.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw unauthorized();
  let config;
  try {
    config = readAuthConfig();
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    log.error('Refusing every request: authentication is not configured', { reason: error.message });
    throw unauthorized('Authentication is not configured on this stage');
  }
  try {
    c.set('principal', await verifyIdToken(token, config));
  } catch (error) {
    // An unreachable JWKS is the stage's fault, not the caller's: worth an operator's eye.
    (error instanceof FetchError ? log.error : log.info)('Bearer token refused', { reason: (error as Error).message });
    throw unauthorized('The bearer token is invalid or expired');
  }
  await next();
};
