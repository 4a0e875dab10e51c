import { ALL_ROLES, type Rule } from '../rule';

/** Points accounts, adjustments, the earning policy, transparency and the audit. */
export const ledgerPolicy = {
  /** One's own wallet: its balance and statement. */
  'points.readOwn': { roles: ALL_ROLES },
  /**
   * An account by id: anyone may ask; the use case then authorizes the account itself:
   * one's own wallet, or one of the three rules below.
   */
  'account.read': { roles: ALL_ROLES },
  /** A shop's account (merchant:<id>): that shop's merchants. */
  'account.readShop': { roles: ['merchant'], scope: 'merchant', anywhere: ['admin'] },
  /** An organization's budget (org:<id>:budget): that organization's organizers. */
  'account.readBudget': { roles: ['organizer'], scope: 'org', anywhere: ['admin'] },
  /** Any other account (another person's wallet, the system accounts). */
  'account.readAny': { roles: ['admin'] },
  'account.freeze': { roles: ['admin'] },
  /**
   * Award, deduct, reverse, fund a budget: admins; an organizer only awards from the
   * budget of their own organization (the adjustment's org scope). Nobody awards their own
   * wallet (a rule of the ledger's domain, SELF_AWARD).
   */
  'adjustment.make': { roles: ['organizer'], scope: 'org', anywhere: ['admin'] },
  'earningPolicy.read': { roles: ALL_ROLES },
  'earningPolicy.change': { roles: ['admin'] },
  'transparency.read': { roles: ALL_ROLES },
  'ledger.audit': { roles: ['admin'] },
  /** The append-only admin log: awards, deductions, freezes, policy changes (actors and amounts). */
  'ledger.adminLog': { roles: ['admin'] },
} as const satisfies Record<string, Rule>;
