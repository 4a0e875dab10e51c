import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { numericCode } from '@lianxin/shared/ids';
import { CODE_DIGITS, type Redemption } from '../domain/redemption';
import { type Decision, placeHold, postHold, rejectHold, voidHold } from '../domain/transitions';
import { commitOnceFor, withLatest } from '../store/transitions';

/** The ledger's answers to our requests. */
export type LedgerAnswer = 'HoldPlacedV1' | 'HoldRejectedV1' | 'HoldPostedV1' | 'HoldVoidedV1';

type Rule<N extends LedgerAnswer> = (r: Redemption, data: EventData<N>, now: Date) => Decision;

const RULES: { [N in LedgerAnswer]: Rule<N> } = {
  // A fresh code is drawn on every attempt, so a collision with a live code just draws again.
  HoldPlacedV1: (r, hold, now) => placeHold(r, hold, numericCode(CODE_DIGITS), now),
  HoldRejectedV1: (r, { reason }, now) => rejectHold(r, reason, now),
  HoldPostedV1: (r, _posted, now) => postHold(r, now),
  HoldVoidedV1: (r, { reason }, now) => voidHold(r, reason, now),
};

/**
 * Apply a ledger answer to its redemption once: the rule decides from the latest state
 * (duplicates and stale answers are ignored), the inbox marker makes redelivery a no-op,
 * and an answer that comes before what it depends on throws so the bus retries it later.
 */
export const applyLedgerAnswer = <N extends LedgerAnswer>(answer: N, event: Envelope<EventData<N>>, now: Date) =>
  withLatest(event.data.redemptionId, async (current) => {
    if (!current) throw new Error(`Redemption ${event.data.redemptionId} is not known (yet); retry ${event.type} later`);
    const decision = (RULES[answer] as Rule<N>)(current, event.data, now);
    if (decision.kind === 'wait') throw new Error(decision.reason);
    if (decision.kind === 'ignore') return decision.reason;
    return commitOnceFor(event, decision);
  });
