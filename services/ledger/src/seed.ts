import { ISSUANCE, userAccountId } from './domain/accounts';
import { commitTransfer } from './store/transfers';

export interface OpeningBalance { userId: string; points: number; memo: string }

/**
 * Points some demo volunteers earned before the demo starts, as ordinary EARN transfers
 * (ids from the person, so seeding twice mints nothing new).
 */
export const seedLedger = async (openings: OpeningBalance[]) => {
  for (const { userId, points, memo } of openings) {
    await commitTransfer(
      { transferId: `earn:opening:${userId}`, kind: 'EARN', debitAccount: ISSUANCE, creditAccount: userAccountId(userId), amount: points, memo },
      'credit',
      () => [],
    );
  }
  return openings.length;
};
