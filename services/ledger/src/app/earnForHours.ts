import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { earnCommand } from '../domain/commands';
import { lotExpiry } from '../domain/lots';
import { capPeriods, earnRefusal, earningFor, earningNote } from '../domain/policy';
import type { TransferCommand } from '../domain/transfers';
import { readCounter } from '../store/counters';
import { currentPolicy } from '../store/policy';
import { type Plan, commitTransfer } from './commitTransfer';

type Verified = Envelope<EventData<'HoursVerifiedV2'>>;

/**
 * An EARN's plan, read fresh on each attempt: the policy in force computes the amount,
 * then the person's day and month counters (Beijing time of the verification) clip it.
 * The counters are written in the same transaction, conditional on these reads, so two
 * earns at once cannot both use the same room under a cap.
 */
const earnPlan = (event: Verified, cmd: TransferCommand) => async (): Promise<Plan> => {
  const owner = cmd.creditAccount;
  const verifiedAt = new Date(event.occurredAt);
  const { day, month } = capPeriods(verifiedAt);
  const [policy, today, thisMonth] = await Promise.all([currentPolicy(), readCounter(owner, day), readCounter(owner, month)]);
  const earning = earningFor(policy, event.data, today ?? 0, thisMonth ?? 0);
  const memo = `${cmd.memo}; ${earningNote(policy, earning)}`;
  const failure = earnRefusal(earning);
  if (failure) return { amount: earning.wanted, memo, policyVersion: policy.version, failure };
  return {
    amount: earning.amount,
    memo,
    policyVersion: policy.version,
    // Validity runs from the verification, like the caps, so a redelivery joins the same cohort.
    lotExpiresAt: lotExpiry(policy.lotValidity, verifiedAt),
    counters: [
      { owner, name: day, before: today, after: (today ?? 0) + earning.amount },
      { owner, name: month, before: thisMonth, after: (thisMonth ?? 0) + earning.amount },
    ],
  };
};

/**
 * Verified hours earn points: the earning policy alone makes the amount at commit time
 * (rate, coefficient, bonus, caps), and the transfer records the policy version, so later
 * policy changes leave it as it is. Hours worth nothing at all are a failed EARN
 * (INVALID_AMOUNT); a bonus alone is paid.
 */
export const earnForHours = (event: Verified, now: Date) => {
  const cmd = earnCommand(event.data);
  return commitTransfer(cmd, 'credit', () => [], now, { plan: earnPlan(event, cmd) });
};
