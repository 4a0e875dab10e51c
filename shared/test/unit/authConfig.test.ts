import { describe, expect, it } from 'vitest';
import { AuthConfigError, readAuthConfig } from '../../src/auth/token';

const complete = { AUTH_MODE: 'cognito', AUTH_ISSUER: 'https://issuer', AUTH_JWKS_URI: 'https://issuer/jwks', AUTH_CLIENT_ID: 'client' };

describe('the auth configuration', () => {
  it('is read from the environment alone', () => {
    expect(readAuthConfig(complete)).toEqual({ mode: 'cognito', issuer: 'https://issuer', jwksUri: 'https://issuer/jwks', clientId: 'client' });
  });

  it('has no default mode: an unset one names what is missing', () => {
    const { AUTH_MODE: _, ...unset } = complete;
    expect(() => readAuthConfig(unset)).toThrow(new AuthConfigError('Authentication is not configured: AUTH_MODE unset'));
  });

  it('refuses the retired dev mode and any other name', () => {
    expect(() => readAuthConfig({ ...complete, AUTH_MODE: 'dev' })).toThrow(AuthConfigError);
  });

  it('needs the issuer, its JWKS and the client id', () => {
    expect(() => readAuthConfig({ AUTH_MODE: 'local' })).toThrow('AUTH_ISSUER, AUTH_JWKS_URI, AUTH_CLIENT_ID unset');
  });
});
