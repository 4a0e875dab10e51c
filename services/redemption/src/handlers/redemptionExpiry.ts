import { expireDueRedemptions } from '../app/expireDueRedemptions';

/** Every minute: held codes past their expiry end expired, and the ledger is told to void. */
export const handler = async () => ({ expired: await expireDueRedemptions(new Date()) });
