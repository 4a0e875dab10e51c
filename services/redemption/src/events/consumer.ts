import { type Clock, systemClock } from '@lianxin/shared/clock';
import type { EventData, EventName } from '@lianxin/shared/events/catalog';
import { consumer, type EventHandlers } from '@lianxin/shared/events/consumer';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { type LedgerAnswer, applyLedgerAnswer } from '../app/applyLedgerAnswer';
import { erasePerson } from '../app/erasePerson';

/**
 * Each of the ledger's answers goes to the use case that applies it, and a closed account
 * (people) to the erasure; `clock` lets tests stand at another time.
 */
const handlersAt = (clock: Clock = systemClock) => {
  const applying = <N extends LedgerAnswer>(answer: N) => (event: Envelope<EventData<N>>) => applyLedgerAnswer(answer, event, clock());
  return {
    HoldPlacedV1: applying('HoldPlacedV1'),
    HoldRejectedV1: applying('HoldRejectedV1'),
    HoldPostedV1: applying('HoldPostedV1'),
    HoldVoidedV1: applying('HoldVoidedV1'),
    PersonClosedV1: (event) => erasePerson(event, clock()),
  } satisfies Pick<EventHandlers, Extract<EventName, LedgerAnswer> | 'PersonClosedV1'>;
};

export const redemptionConsumer = (clock?: Clock) => consumer('redemption', handlersAt(clock));
