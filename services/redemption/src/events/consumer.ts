import type { EventData, EventName } from '@lianxin/shared/events/catalog';
import { consumer, type EventHandlers } from '@lianxin/shared/events/consumer';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { numericCode } from '@lianxin/shared/ids';
import { CODE_DIGITS, type Redemption } from '../domain/redemption';
import { type Decision, placeHold, postHold, rejectHold, voidHold } from '../domain/transitions';
import { inbox } from '../store/table';
import { decisionWrites, withLatest } from '../store/transitions';

type LedgerAnswer = 'HoldPlacedV1' | 'HoldRejectedV1' | 'HoldPostedV1' | 'HoldVoidedV1';
type Rule<N extends LedgerAnswer> = (r: Redemption, data: EventData<N>, now: Date) => Decision;

/**
 * Apply a ledger answer to its redemption once: the rule decides from the latest state
 * (duplicates and stale answers are ignored), the inbox marker makes redelivery a no-op,
 * and an answer that comes before what it depends on throws so the bus retries it later.
 */
const applying = <N extends LedgerAnswer>(rule: Rule<N>, clock: () => Date) => async (event: Envelope<EventData<N>>) =>
  withLatest(event.data.redemptionId, async (current) => {
    if (!current) throw new Error(`Redemption ${event.data.redemptionId} is not known (yet); retry ${event.type} later`);
    const decision = rule(current, event.data, clock());
    if (decision.kind === 'wait') throw new Error(decision.reason);
    if (decision.kind === 'ignore') return decision.reason;
    return commitOnce(inbox, event, ...decisionWrites(decision));
  });

/** The ledger's answers to our requests, each mapped to its rule. */
export const redemptionHandlers = (clock: () => Date = () => new Date()) =>
  ({
    // A fresh code is drawn on every attempt, so a collision with a live code just draws again.
    HoldPlacedV1: applying<'HoldPlacedV1'>((r, hold, now) => placeHold(r, hold, numericCode(CODE_DIGITS), now), clock),
    HoldRejectedV1: applying<'HoldRejectedV1'>((r, { reason }, now) => rejectHold(r, reason, now), clock),
    HoldPostedV1: applying<'HoldPostedV1'>((r, _posted, now) => postHold(r, now), clock),
    HoldVoidedV1: applying<'HoldVoidedV1'>((r, { reason }, now) => voidHold(r, reason, now), clock),
  }) satisfies Pick<EventHandlers, Extract<EventName, LedgerAnswer>>;

export const redemptionConsumer = (clock?: () => Date) => consumer('redemption', redemptionHandlers(clock));
