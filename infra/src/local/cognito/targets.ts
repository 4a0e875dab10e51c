import { createRequire } from 'node:module';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { Jwk } from 'aws-jwt-verify/jwk';
import { InvalidParameterError, NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { Clock } from 'cognito-local/lib/services/clock.js';
import { attributeValue } from 'cognito-local/lib/services/userPoolService.js';

/**
 * The calls the portal makes that cognito-local lacks or answers only for e-mail users, with
 * Cognito's meaning for a pool whose people sign in by mobile number:
 * - GlobalSignOut / AdminUserGlobalSignOut: every refresh token the person holds is revoked,
 *   so no device gets a new ID token (ID tokens already issued live until they expire, as on AWS);
 * - ForgotPassword: the reset code goes by SMS to the verified number (the pool's account
 *   recovery setting), not only to an e-mail address;
 * - ResendConfirmationCode: a new sign-up code by SMS.
 */
type Ctx = { logger: unknown };
type Target = (ctx: Ctx, req: Record<string, string>) => Promise<object>;
interface Services { cognito: CognitoService; messages: Messages; clock: Clock; otp: () => string }

const emulatorKey = createRequire(createRequire(import.meta.url).resolve('cognito-local'))('./keys/cognitoLocal.public.json') as { jwk: Jwk };

// The emulator signs every token with its one key; an access token is checked like on AWS
// (signature, expiry, token_use) before it may sign anyone out.
const accessTokens = JwtRsaVerifier.create({ issuer: null, audience: null, tokenUse: 'access', jwksUri: 'http://127.0.0.1/unused' });
accessTokens.cacheJwks({ keys: [emulatorKey.jwk] });

export const emulatorTargets = ({ cognito, messages, clock, otp }: Services): Record<string, Target> => {
  const revokeAll = async (ctx: Ctx, userPoolId: string, username: string) => {
    const pool = await cognito.getUserPool(ctx as never, userPoolId);
    const user = await pool.getUserByUsername(ctx as never, username);
    if (!user) throw new UserNotFoundError();
    await pool.saveUser(ctx as never, { ...user, RefreshTokens: [] });
    return {};
  };

  /** A new code for `purpose`, sent by SMS to the user's number and kept for its confirmation. */
  const sendCode = async (ctx: Ctx, req: Record<string, string>, purpose: 'ForgotPassword' | 'ResendCode') => {
    const pool = await cognito.getUserPoolForClientId(ctx as never, req.ClientId ?? '');
    const user = await pool.getUserByUsername(ctx as never, req.Username ?? '');
    if (!user) throw new UserNotFoundError();
    const phone = attributeValue('phone_number', user.Attributes);
    if (!phone) throw new InvalidParameterError('The user has no phone number to send a code to');
    const delivery = { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: phone } as const;
    const code = otp();
    await messages.deliver(ctx as never, purpose, req.ClientId ?? null, pool.options.Id, user, code, undefined, delivery);
    await pool.saveUser(ctx as never, { ...user, UserLastModifiedDate: clock.get(), ConfirmationCode: code });
    return { CodeDeliveryDetails: delivery };
  };

  return {
    GlobalSignOut: async (ctx, req) => {
      let claims: { client_id?: unknown; sub?: unknown };
      try {
        claims = accessTokens.verifySync(req.AccessToken ?? '') as typeof claims;
      } catch {
        throw new NotAuthorizedError();
      }
      const pool = await cognito.getUserPoolForClientId(ctx as never, String(claims.client_id));
      return revokeAll(ctx, pool.options.Id, String(claims.sub));
    },
    AdminUserGlobalSignOut: (ctx, req) => revokeAll(ctx, req.UserPoolId ?? '', req.Username ?? ''),
    ForgotPassword: (ctx, req) => sendCode(ctx, req, 'ForgotPassword'),
    ResendConfirmationCode: (ctx, req) => sendCode(ctx, req, 'ResendCode'),
  };
};
