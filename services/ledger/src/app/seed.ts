import { ISSUANCE, userAccountId } from '../domain/accounts';
import { commitTransfer } from './commitTransfer';

export interface OpeningBalance { userId: string; points: number; memo: string }

/**
 * Points some demo volunteers earned before the demo starts, as ordinary EARN transfers
 * (ids from the person, so seeding twice mints nothing new).
 */
export const seedLedger = async (openings: OpeningBalance[], now = new Date()) => {
  for (const { userId, points, memo } of openings) {
    await commitTransfer(
      { transferId: `earn:opening:${userId}`, kind: 'EARN', debitAccount: ISSUANCE, creditAccount: userAccountId(userId), amount: points, memo },
      'credit',
      () => [],
      now,
    );
  }
  return openings.length;
};
