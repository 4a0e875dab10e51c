import { redemptionConsumer } from '../events/consumer';

/** Bus rule → the ledger's answers (HoldPlaced, HoldRejected, HoldPosted, HoldVoided) and people's PersonClosed. */
export const handler = redemptionConsumer();
