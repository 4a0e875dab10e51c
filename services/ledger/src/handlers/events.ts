import { ledgerEvents } from '../events/consumer';

/** HoursVerified.v2 and the redemption events, from the bus. */
export const handler = ledgerEvents;
