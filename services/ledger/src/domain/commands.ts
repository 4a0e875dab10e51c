import type { EventData } from '@lianxin/shared/events/catalog';
import { ISSUANCE, merchantAccountId, userAccountId } from './accounts';
import type { FailureReason, Hold, TransferCommand } from './transfers';

/**
 * Transfer ids come from business keys: the same verified hours or the same redemption can
 * never move points twice, whatever is redelivered or retried.
 */
export const earnCommand = (e: EventData<'HoursVerifiedV2'>): TransferCommand => ({
  transferId: `earn:${e.hourLogId}`,
  kind: 'EARN',
  debitAccount: ISSUANCE,
  creditAccount: userAccountId(e.volunteerId),
  // The earning policy in force makes the amount when the transfer commits.
  amount: 0,
  hours: { kind: e.kind, minutes: e.minutes, pointsPerHour: e.pointsPerHour, category: e.category, bonusPoints: e.bonusPoints },
  memo: `hours:${e.hourLogId}`,
  communityId: e.communityId,
});

export const holdIdOf = (redemptionId: string) => `redeem:${redemptionId}`;

export const holdCommand = (e: EventData<'RedemptionRequestedV1'>): TransferCommand => ({
  transferId: holdIdOf(e.redemptionId),
  kind: 'HOLD',
  debitAccount: userAccountId(e.volunteerId),
  creditAccount: merchantAccountId(e.merchantId),
  amount: e.points,
  memo: `reward:${e.rewardId}`,
  holdId: holdIdOf(e.redemptionId),
  expiresAt: e.holdExpiresAt,
});

/** Why a hold was refused, in the words of HoldRejected (the redemption service shows it). */
export const holdRejectionOf = (reason: FailureReason) =>
  reason === 'INVALID_AMOUNT' || reason === 'ACCOUNT_FROZEN' ? reason : 'INSUFFICIENT_POINTS';

/** Capture or release a hold: the same accounts and amount as the hold itself. */
export const resolveCommand = (hold: Hold, kind: 'POST' | 'VOID'): TransferCommand => ({
  transferId: `${hold.holdId}:${kind.toLowerCase()}`,
  kind,
  debitAccount: hold.userAccount,
  creditAccount: hold.merchantAccount,
  amount: hold.amount,
  memo: `redemption:${hold.redemptionId}`,
  holdId: hold.holdId,
});
