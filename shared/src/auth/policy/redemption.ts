import { ALL_ROLES, type Rule } from '../rule';

/** The alliance's rewards, redemptions and the counter. */
export const redemptionPolicy = {
  'reward.list': { roles: ALL_ROLES },
  'reward.redeem': { roles: ['volunteer'] },
  /** One redemption: its volunteer's or its shop's (anyone else is answered "not found"). */
  'redemption.read': { roles: ['volunteer', 'merchant'] },
  /** A volunteer's own redemptions, a merchant's shop's. */
  'redemption.listOwn': { roles: ['volunteer', 'merchant'] },
  /** At the counter: only a merchant of the redemption's shop uses its code. */
  'redemption.confirm': { roles: ['merchant'], scope: 'merchant' },
} as const satisfies Record<string, Rule>;
