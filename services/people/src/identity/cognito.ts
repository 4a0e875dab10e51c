import { AdminDeleteUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProvider } from '../app/identity';

/**
 * The Cognito user pool (`USER_POOL_ID`). The SDK reads its endpoint from the environment
 * (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER locally, the emulator), so the code names none.
 * The pool id is needed only when closing an account: its absence is a configuration error then.
 */
export const cognitoIdentity = (): IdentityProvider => {
  let client: CognitoIdentityProviderClient | undefined;
  return {
    deleteLogin: async (phone) => {
      const UserPoolId = process.env.USER_POOL_ID;
      if (!UserPoolId) throw new Error('USER_POOL_ID is not set: the login of a closed account cannot be deleted');
      client ??= new CognitoIdentityProviderClient({});
      try {
        await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: phone }));
      } catch (error) {
        if ((error as { name?: string }).name !== 'UserNotFoundException') throw error;
      }
    },
  };
};
