import type { Envelope } from '@lianxin/shared/events/envelope';
import type { EventData } from '@lianxin/shared/events/catalog';
import { lotExpiry } from '../domain/lots';
import { capPeriods, clipToCaps, earnAmount } from '../domain/policy';
import type { TransferCommand } from '../domain/transfers';
import { readCounter } from './counters';
import { currentPolicy } from './policy';
import type { Plan } from './transfers';

type Verified = EventData<'HoursVerifiedV1'>;

/**
 * An EARN's plan, read fresh on each attempt: the policy in force computes the amount,
 * then the person's day and month counters (Beijing time of the verification) clip it.
 * The counters are written in the same transaction, conditional on these reads, so two
 * earns at once cannot both use the same room under a cap.
 */
export const earnPlan = (event: Envelope<Verified>, cmd: TransferCommand) => async (): Promise<Plan> => {
  const { points, minutes, category, bonusPoints } = event.data;
  const owner = cmd.creditAccount;
  const { day, month } = capPeriods(new Date(event.occurredAt));
  const [policy, today, thisMonth] = await Promise.all([currentPolicy(), readCounter(owner, day), readCounter(owner, month)]);
  const wanted = earnAmount(policy, { points, minutes, category, bonusPoints });
  const clip = clipToCaps(policy, wanted, today ?? 0, thisMonth ?? 0);
  const memo = `${cmd.memo}; policy v${policy.version}${clip.clippedBy ? `; clipped ${wanted}→${clip.amount} by ${clip.clippedBy}` : ''}`;
  if (clip.amount === 0) return { memo, policyVersion: policy.version, failure: wanted === 0 ? 'INVALID_AMOUNT' : 'CAP_REACHED' };
  return {
    amount: clip.amount,
    memo,
    policyVersion: policy.version,
    // Validity runs from the verification, like the caps, so a redelivery joins the same cohort.
    lotExpiresAt: lotExpiry(policy.lotValidity, new Date(event.occurredAt)),
    counters: [
      { owner, name: day, before: today, after: (today ?? 0) + clip.amount },
      { owner, name: month, before: thisMonth, after: (thisMonth ?? 0) + clip.amount },
    ],
  };
};
