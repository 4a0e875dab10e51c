import { type Clock, systemClock } from '@lianxin/shared/clock';
import type { EventData, EventName } from '@lianxin/shared/events/catalog';
import { consumer, type EventHandlers } from '@lianxin/shared/events/consumer';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { type LedgerAnswer, applyLedgerAnswer } from '../app/applyLedgerAnswer';

/** Each of the ledger's answers goes to the use case that applies it; `clock` lets tests stand at another time. */
const handlersAt = (clock: Clock = systemClock) => {
  const applying = <N extends LedgerAnswer>(answer: N) => (event: Envelope<EventData<N>>) => applyLedgerAnswer(answer, event, clock());
  return {
    HoldPlacedV1: applying('HoldPlacedV1'),
    HoldRejectedV1: applying('HoldRejectedV1'),
    HoldPostedV1: applying('HoldPostedV1'),
    HoldVoidedV1: applying('HoldVoidedV1'),
  } satisfies Pick<EventHandlers, Extract<EventName, LedgerAnswer>>;
};

export const redemptionConsumer = (clock?: Clock) => consumer('redemption', handlersAt(clock));
