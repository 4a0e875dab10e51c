import type { Principal } from '@lianxin/shared/auth/principal';
import { AppError, type Result, invalid } from '@lianxin/shared/errors';
import { alreadyVerified, notVerifiable, selfVerification } from './errors';
import type { HourLog } from './hourLog';

/** An organizer may record up to a full day for one shift when correcting the clock. */
export const MAX_VERIFIED_MINUTES = 24 * 60;

export interface VerifyCommand {
  minutes?: number;
  note?: string;
  /** An organizer's bonus on top of the hours' points, at most the earning policy's maximum. */
  bonusPoints?: number;
}

export interface RejectCommand {
  reason: string;
}

/** Who decides: the organizer's role and organization are the policy's concern (app/), not these rules. */
export type Decider = Pick<Principal, 'userId'>;

/**
 * The business refusals of a decision, whoever is allowed to decide: nobody decides on
 * their own hours (nor, for a wish, on the hours of a wish they posted or claimed), and
 * only a checked-out log not yet decided awaits a decision.
 */
export const refusalToDecide = (log: HourLog, decider: Decider): AppError | undefined => {
  if ([log.volunteerId, log.postedBy, log.claimedBy].includes(decider.userId)) return selfVerification();
  if (log.status === 'verified') return alreadyVerified();
  if (log.status !== 'checked_out') return notVerifiable();
  return undefined;
};

/** The minutes to credit: as recorded, or adjusted by the organizer with a note saying why. */
const verifiedMinutes = (log: HourLog, command: VerifyCommand): Result<number> => {
  const minutes = command.minutes ?? log.minutes ?? 0;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_VERIFIED_MINUTES) {
    return invalid({ minutes: `a whole number from 0 to ${MAX_VERIFIED_MINUTES}` });
  }
  if (minutes !== log.minutes && !command.note?.trim()) return invalid({ note: 'required when the minutes are adjusted' });
  return minutes;
};

/** A bonus is a whole number of points from 0 to the policy's maximum (absent means none). */
const bonusOf = (command: VerifyCommand, maxBonusPoints: number): Result<number | undefined> => {
  const bonus = command.bonusPoints;
  if (bonus === undefined) return undefined;
  if (!Number.isSafeInteger(bonus) || bonus < 0 || bonus > maxBonusPoints) {
    return invalid({ bonusPoints: `a whole number of points from 0 to ${maxBonusPoints} (the earning policy's maximum bonus)` });
  }
  return bonus;
};

/** Verify a log; `maxBonusPoints` is the earning policy's maximum organizer bonus in force. */
export const verify = (log: HourLog, decider: Decider, command: VerifyCommand, now: Date, maxBonusPoints: number): Result<HourLog> => {
  const refusal = refusalToDecide(log, decider);
  if (refusal) return refusal;
  const minutes = verifiedMinutes(log, command);
  if (minutes instanceof AppError) return minutes;
  const bonusPoints = bonusOf(command, maxBonusPoints);
  if (bonusPoints instanceof AppError) return bonusPoints;
  return {
    ...log,
    status: 'verified',
    minutes,
    ...(command.note?.trim() ? { note: command.note.trim() } : {}),
    ...(bonusPoints ? { bonusPoints } : {}),
    verifiedBy: decider.userId,
    decidedAt: now.toISOString(),
  };
};

export const reject = (log: HourLog, decider: Decider, command: RejectCommand, now: Date): Result<HourLog> => {
  const refusal = refusalToDecide(log, decider);
  if (refusal) return refusal;
  const reason = command.reason.trim();
  if (!reason) return invalid({ reason: 'required' });
  return { ...log, status: 'rejected', reason, rejectedBy: decider.userId, decidedAt: now.toISOString() };
};
