/** Lambda entry points of the ledger service. */
import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { app } from './http/app';
import { sweepLots } from './store/expiry';

export const http = lambdaHandler(app);
export { ledgerEvents as events } from './events/consumer';
export { projector } from './events/projector';

/** Hourly: lots past their expiry expire to sys:expired; lots due within 30 days get their notice. */
export const lotSweep = async () => sweepLots(new Date());
