import { consumer } from '@lianxin/shared/events/consumer';
import { cancelClaims } from '../app/cancelClaims';
import { creditWish } from '../app/creditWish';
import { erasePerson } from '../app/erasePerson';
import { recordClaim } from '../app/recordClaim';
import { recordPolicyLimits } from '../app/recordPolicyLimits';
import { recordShifts } from '../app/recordShifts';

/**
 * The hours service's view of the activities service (shifts, rosters, fulfilled wishes), of
 * the ledger's earning policy (the limits a verification is checked against) and of closed
 * accounts (people: their names give way to their pseudonyms).
 * Each event is applied once (the inbox marker commits with the effect), and in any order:
 * a claim that arrives before its activity is simply recorded, and check-in needs both.
 */
export const hoursEvents = consumer('hours', {
  ActivityPublishedV1: recordShifts,
  ShiftClaimedV1: recordClaim,
  ClaimCancelledV1: (event) => cancelClaims(event, [event.data]),
  ActivityCancelledV1: (event) => cancelClaims(event, event.data.claims),
  WishFulfilledV1: creditWish,
  EarningPolicyChangedV1: recordPolicyLimits,
  PersonClosedV1: erasePerson,
});
