import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { tokenClaims } from '../app/tokenClaims';

/** Cognito's pre-token-generation trigger (V1): the granted roles, scopes, tags and grid go into the ID token. */
export const handler = async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
  const { sub, name, phone_number } = event.request.userAttributes;
  if (!sub) throw new Error('The sign-in carries no sub');
  const claimsToAddOrOverride = await tokenClaims({ sub, name, phone_number });
  return { ...event, response: { claimsOverrideDetails: { claimsToAddOrOverride } } };
};
