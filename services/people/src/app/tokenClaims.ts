import { grantedClaims } from '@lianxin/shared/auth/principal';
import { principalOf } from '../domain/claims';
import { activeGrants } from '../store/grants';
import { loadPerson } from '../store/people';

/** What Cognito tells the trigger of the person signing in (PreTokenGeneration's `userAttributes`). */
export interface SignInAttributes { sub: string; name?: string | undefined; phone_number?: string | undefined }

/**
 * The claims the ID token gets: roles, scopes, tags and home grid as granted here (never as
 * the person claims), the display name, and the verified phone. A closed person gets no
 * token at all: throwing makes Cognito refuse the sign-in.
 */
export const tokenClaims = async (attributes: SignInAttributes): Promise<Record<string, string>> => {
  const [person, grants] = await Promise.all([loadPerson(attributes.sub), activeGrants(attributes.sub)]);
  if (person?.status === 'closed') throw new Error(`Person ${attributes.sub} closed their account: no token`);
  return {
    ...grantedClaims(principalOf(person, grants, attributes.name ?? '')),
    ...(attributes.phone_number ? { phone_number: attributes.phone_number } : {}),
  };
};
