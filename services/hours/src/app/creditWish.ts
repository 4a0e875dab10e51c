import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { wishHourLog } from '../domain/wishHours';
import { hoursVerified } from '../events/publish';
import { newHourLogPut } from '../store/hourLogs';
import { inbox, outbox } from '../store/table';

/** A fulfilled micro-wish becomes one verified hour log and one HoursVerified (kind wish) for the ledger. */
export const creditWish = (event: Envelope<EventData<'WishFulfilledV1'>>) => {
  const log = wishHourLog(event.data, event.actor);
  return commitOnce(inbox, event, newHourLogPut(log), outboxPut(outbox, hoursVerified(log, 'wish', new Date(event.occurredAt))));
};
