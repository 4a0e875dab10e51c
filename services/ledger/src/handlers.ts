/** Lambda entry points of the ledger service. */
import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { app } from './http/app';

export const http = lambdaHandler(app);
export { ledgerEvents as events } from './events/consumer';
export { projector } from './events/projector';
