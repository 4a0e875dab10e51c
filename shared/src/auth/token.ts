import { sign, verify } from 'hono/jwt';
import { type Principal, claimsFromPrincipal, principalFromClaims } from './principal';

/**
 * The local stage's identity provider signs HS256 tokens with a dev secret. On AWS, Cognito
 * issues RS256 tokens that API Gateway verifies; the claims have the same shape.
 */
const DEV_SECRET_FALLBACK = 'lianxin-local-dev-secret-not-for-production';
const secret = () => process.env.DEV_JWT_SECRET ?? DEV_SECRET_FALLBACK;
export const DEV_ISSUER = 'lianxin-dev-identity';
const TOKEN_TTL_SECONDS = 12 * 3600;

export const issueDevToken = async (p: Principal, nowSeconds = Math.floor(Date.now() / 1000)) =>
  sign(
    { ...claimsFromPrincipal(p), iss: DEV_ISSUER, iat: nowSeconds, exp: nowSeconds + TOKEN_TTL_SECONDS, token_use: 'id' },
    secret(),
    'HS256',
  );

export const verifyDevToken = async (token: string): Promise<Principal> => {
  const payload = await verify(token, secret(), { alg: 'HS256', iss: DEV_ISSUER });
  return principalFromClaims(payload);
};
