import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { supersedes } from '../domain/policyLimits';
import { findPolicyLimits, policyLimitsPut } from '../store/policyLimits';
import { inbox } from '../store/table';

/**
 * The ledger changed its earning policy: keep the limits hours checks verifications against,
 * unless a newer version is already known (a late, older event changes nothing). An event
 * from before the ledger published its limits carries none to keep.
 */
export const recordPolicyLimits = async (event: Envelope<EventData<'EarningPolicyChangedV1'>>) => {
  const { version, maxOrganizerBonus } = event.data;
  if (maxOrganizerBonus === undefined) return 'no limits';
  const limits = { version, maxOrganizerBonus };
  if (!supersedes(limits, await findPolicyLimits())) return 'superseded';
  return commitOnce(inbox, event, policyLimitsPut(limits));
};
