/** Lambda entry points of the redemption service. */
import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { redemptionConsumer } from './events/consumer';
import { app } from './http/app';
import { expireDue } from './store/expiry';

export const http = lambdaHandler(app);

/** Bus rule → the ledger's answers (HoldPlaced, HoldRejected, HoldPosted, HoldVoided). */
export const events = redemptionConsumer();

/** Every minute: held codes past their expiry end expired, and the ledger is told to void. */
export const expire = async () => ({ expired: await expireDue(new Date()) });
