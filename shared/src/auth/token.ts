import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { sign } from 'hono/jwt';
import { type Principal, claimsFromPrincipal, principalFromClaims } from './principal';

/**
 * ID tokens: one verification path on every stage. On AWS the issuer is the Cognito user
 * pool; locally it is the dev identity provider (infra/src/identity), which signs the same
 * RS256 ID tokens. Which issuer to trust comes from the environment only, with no default:
 * an unset or unknown AUTH_MODE is a configuration error, and the caller refuses everyone.
 */
export type AuthMode = 'cognito' | 'local';
export interface AuthConfig { mode: AuthMode; issuer: string; jwksUri: string; clientId: string }

export class AuthConfigError extends Error {}

const AUTH_ENV = ['AUTH_MODE', 'AUTH_ISSUER', 'AUTH_JWKS_URI', 'AUTH_CLIENT_ID'] as const;

export const readAuthConfig = (env: NodeJS.ProcessEnv = process.env): AuthConfig => {
  const missing = AUTH_ENV.filter((name) => !env[name]);
  if (missing.length > 0) throw new AuthConfigError(`Authentication is not configured: ${missing.join(', ')} unset`);
  const mode = env.AUTH_MODE;
  if (mode !== 'cognito' && mode !== 'local') throw new AuthConfigError(`AUTH_MODE must be "cognito" or "local", not "${mode}"`);
  return { mode, issuer: env.AUTH_ISSUER!, jwksUri: env.AUTH_JWKS_URI!, clientId: env.AUTH_CLIENT_ID! };
};

/**
 * The library's own fetcher speaks HTTPS only; the local issuer serves its JWKS over plain
 * HTTP on the loopback, so both stages fetch through the platform's fetch with a deadline.
 */
const JWKS_FETCH_TIMEOUT_MS = 3000;
const jwksFetcher: Fetcher = {
  fetch: async (uri) => {
    const res = await fetch(uri, { signal: AbortSignal.timeout(JWKS_FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new NonRetryableFetchError(uri, `Status code is ${res.status}, expected 200`);
    return res.arrayBuffer();
  },
};

/** aws-jwt-verify checks signature, alg, iss and aud; it lets `exp` and `token_use` be absent. */
const requireIdToken = ({ payload }: { payload: JwtPayload }) => {
  if (typeof payload.exp !== 'number') throw new Error('The token has no exp');
  if (payload.token_use !== 'id') throw new Error('Not an ID token');
};

const createVerifier = (config: AuthConfig) =>
  JwtRsaVerifier.create(
    { issuer: config.issuer, jwksUri: config.jwksUri, audience: config.clientId, customJwtCheck: requireIdToken },
    { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher }) },
  );

// One verifier per process (it caches the JWKS); a changed configuration gets a new one.
let cached: { key: string; verifier: ReturnType<typeof createVerifier> } | undefined;

export const tokenVerifier = (config: AuthConfig = readAuthConfig()) => {
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, verifier: createVerifier(config) };
  return cached.verifier;
};

/** The principal an ID token names; throws if the token or its claims are not trusted. */
export const verifyIdToken = async (token: string, config: AuthConfig = readAuthConfig()): Promise<Principal> =>
  principalFromClaims(await tokenVerifier(config).verify(token));

/** An RS256 key pair with its key id, as JWKs (the form the key file and the JWKS hold). */
export interface SigningKey { privateJwk: JsonWebKey & { kid: string; alg: 'RS256' }; publicJwk: JsonWebKey & { kid: string } }

export const newSigningKey = (): SigningKey => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
};

export const jwksOf = (key: SigningKey): Jwks => ({ keys: [key.publicJwk as Jwks['keys'][number]] });

/**
 * Signs an ID token with exactly the claims a Cognito ID token carries (groups, custom
 * attributes, iss, aud = the app client, token_use, iat, exp), for the local issuer and tests.
 */
export const mintIdToken = (
  p: Principal,
  key: SigningKey,
  config: Pick<AuthConfig, 'issuer' | 'clientId'>,
  { nowSeconds = Math.floor(Date.now() / 1000), ttlSeconds = 3600 } = {},
): Promise<string> =>
  sign(
    { ...claimsFromPrincipal(p), iss: config.issuer, aud: config.clientId, token_use: 'id', auth_time: nowSeconds, iat: nowSeconds, exp: nowSeconds + ttlSeconds },
    key.privateJwk,
  );
