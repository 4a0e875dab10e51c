/**
 * The identity provider, as closing an account needs it: delete the login named by the
 * person's mobile number (the user pool's username attribute). Deleting a login already gone
 * succeeds, so a retried closure can finish. The Cognito adapter is ../identity/cognito.ts.
 */
export interface IdentityProvider {
  deleteLogin(phone: string): Promise<void>;
}
