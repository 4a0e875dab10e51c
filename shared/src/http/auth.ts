import type { MiddlewareHandler } from 'hono';
import { type Principal, principalFromClaims } from '../auth/principal';
import { verifyDevToken } from '../auth/token';
import { unauthorized } from '../errors';
import type { AppEnv } from './app';

/**
 * Who is calling. Locally (AUTH_MODE=dev) the bearer token is verified here; on AWS the
 * API Gateway JWT authorizer has verified Cognito's token and passes its claims along.
 */
const resolvePrincipal = async (authorization: string | undefined, event: AppEnv['Bindings']['event']): Promise<Principal> => {
  if ((process.env.AUTH_MODE ?? 'dev') === 'cognito') {
    const claims = (event?.requestContext as { authorizer?: { jwt?: { claims?: unknown } } } | undefined)?.authorizer?.jwt?.claims;
    if (!claims) throw unauthorized();
    return principalFromClaims(claims);
  }
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) throw unauthorized();
  try {
    return await verifyDevToken(token);
  } catch {
    throw unauthorized('The bearer token is invalid or expired');
  }
};

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', await resolvePrincipal(c.req.header('authorization'), c.env?.event));
  await next();
};
