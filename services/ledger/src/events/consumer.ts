import { consumer } from '@lianxin/shared/events/consumer';
import { earnForHours } from '../app/earnForHours';
import { placeHold } from '../app/placeHold';
import { postHold } from '../app/postHold';
import { voidHold } from '../app/voidHold';

/**
 * The ledger's subscriptions, each handed to its use case inside the event's correlation
 * id. Replays are safe without an inbox: every transfer id is a business key, and a
 * replayed id returns the stored outcome and writes nothing.
 */
export const ledgerEvents = consumer('ledger', {
  HoursVerifiedV2: (event) => earnForHours(event, new Date()),
  RedemptionRequestedV1: ({ data }) => placeHold(data, new Date()),
  RedemptionConfirmedV1: ({ data }) => postHold(data.redemptionId, new Date()),
  RedemptionExpiredV1: ({ data }) => voidHold(data.redemptionId, new Date()),
});
