import { redemptionConsumer } from '../events/consumer';

/** Bus rule → the ledger's answers (HoldPlaced, HoldRejected, HoldPosted, HoldVoided). */
export const handler = redemptionConsumer();
