/**
 * The part of the ledger's earning policy that hours checks a verification against, as the
 * ledger last published it (EarningPolicyChanged). The ledger's `domain/policy.ts` stays the
 * rule's home and still caps the bonus when it earns; hours refuses a larger bonus while the
 * organizer is there to correct it, instead of letting the ledger pay less than they chose.
 */
export interface PolicyLimits {
  /** The policy version these limits belong to: only a newer one replaces them. */
  version: number;
  maxOrganizerBonus: number;
}

/**
 * The limits before any EarningPolicyChanged has arrived: those of the ledger's default
 * policy, version 1, which the ledger applies until an admin first changes the policy and
 * so never announces. Its README publishes them ("Earning policy"); this is the only copy in
 * hours and must follow that document. Not seeded as an event, because AWS stages are never
 * seeded. A stale copy fails safe: the ledger caps the bonus anyway.
 */
export const PUBLISHED_DEFAULT_LIMITS: PolicyLimits = { version: 1, maxOrganizerBonus: 20 };

/** Policy events arrive in any order: limits replace the known ones only if their version is newer. */
export const supersedes = (incoming: PolicyLimits, known: PolicyLimits | undefined): boolean =>
  incoming.version > (known?.version ?? 0);
