import { events } from '@lianxin/shared/events/catalog';
import type { FreezeAction } from '../domain/freezes';
import type { EarningPolicy } from '../domain/policy';
import type { Hold, TransferCommand } from '../domain/transfers';

/** Every event the ledger publishes, built here from the shared catalog. */
const ACTOR = 'ledger';

/**
 * A committed transfer, for the projector (hot accounts, transparency). POST and VOID
 * carry the whole pending amount they release (a partial capture releases the rest too).
 */
export const transferCommitted = (cmd: TransferCommand, hold: Hold | undefined, now: Date, communityId?: string) =>
  events.TransferCommittedV1.make({
    transferId: cmd.transferId, kind: cmd.kind, debitAccount: cmd.debitAccount, creditAccount: cmd.creditAccount,
    amount: cmd.amount, pending: cmd.kind === 'HOLD',
    ...(cmd.holdId ? { holdId: cmd.holdId } : {}),
    ...((cmd.kind === 'POST' || cmd.kind === 'VOID') && hold ? { released: hold.amount } : {}),
    ...(communityId ? { communityId } : {}),
  }, ACTOR, now);

export const holdPlaced = (redemptionId: string, holdId: string, amount: number, expiresAt: string) =>
  events.HoldPlacedV1.make({ redemptionId, holdId, amount, expiresAt }, ACTOR);

export const holdRejected = (redemptionId: string, reason: 'INSUFFICIENT_POINTS' | 'ACCOUNT_FROZEN' | 'INVALID_AMOUNT') =>
  events.HoldRejectedV1.make({ redemptionId, reason }, ACTOR);

export const holdPosted = (hold: Hold) =>
  events.HoldPostedV1.make({ redemptionId: hold.redemptionId, holdId: hold.holdId, amount: hold.amount }, ACTOR);

export const holdVoided = (hold: Hold, reason: string) =>
  events.HoldVoidedV1.make({ redemptionId: hold.redemptionId, holdId: hold.holdId, reason }, ACTOR);

/** 一票否决 and its lifting: who, on which wallet, and why (the actor is the admin). */
export const freezeChanged = (action: FreezeAction, accountId: string, reason: string, by: string, now: Date) =>
  (action === 'FREEZE' ? events.AccountFrozenV1 : events.AccountUnfrozenV1).make({ accountId, reason, by }, by, now);

/** A new policy version, with the limits other services check before the ledger sees an amount (hours: the bonus). */
export const earningPolicyChanged = ({ version, maxOrganizerBonus }: EarningPolicy, by: string, now: Date) =>
  events.EarningPolicyChangedV1.make({ version, by, maxOrganizerBonus }, by, now);

export const pointsExpiringSoon = (accountId: string, volunteerId: string, points: number, expiresAt: string, now: Date) =>
  events.PointsExpiringSoonV1.make({ accountId, volunteerId, points, expiresAt }, ACTOR, now);
