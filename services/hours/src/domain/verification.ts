import { type Principal, hasRole, inScope } from '@lianxin/shared/auth/principal';
import { AppError, forbidden, invalid } from '@lianxin/shared/errors';
import { alreadyVerified, notInOrganization, notVerifiable, selfVerification } from './errors';
import type { HourLog } from './hourLog';
import type { Result } from './result';

/** An organizer may record up to a full day for one shift when correcting the clock. */
export const MAX_VERIFIED_MINUTES = 24 * 60;

export interface VerifyCommand {
  minutes?: number;
  note?: string;
  /** An organizer's bonus on top of the hours' points; the ledger's policy caps it, not us. */
  bonusPoints?: number;
}

export interface RejectCommand {
  reason: string;
}

/** Points are whole: a started hour earns its share, rounded down. */
export const pointsFor = (minutes: number, pointsPerHour: number): number => Math.floor((minutes * pointsPerHour) / 60);

/**
 * Who may decide on a log, and when: an organizer of the log's organization who is not the
 * volunteer, on a log that is checked out and not yet decided.
 */
export const refusalToDecide = (log: HourLog, decider: Principal): AppError | undefined => {
  if (!hasRole(decider, 'organizer')) return forbidden('This needs the role organizer');
  if (decider.userId === log.volunteerId) return selfVerification();
  if (!inScope(decider, 'org', log.orgId)) return notInOrganization();
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

/** A bonus is a whole, non-negative number of points (absent means none). */
const bonusOf = (command: VerifyCommand): Result<number | undefined> => {
  const bonus = command.bonusPoints;
  if (bonus === undefined) return undefined;
  if (!Number.isSafeInteger(bonus) || bonus < 0) return invalid({ bonusPoints: 'a whole number of points, 0 or more' });
  return bonus;
};

export const verify = (log: HourLog, decider: Principal, command: VerifyCommand, now: Date): Result<HourLog> => {
  const refusal = refusalToDecide(log, decider);
  if (refusal) return refusal;
  const minutes = verifiedMinutes(log, command);
  if (minutes instanceof AppError) return minutes;
  const bonusPoints = bonusOf(command);
  if (bonusPoints instanceof AppError) return bonusPoints;
  return {
    ...log,
    status: 'verified',
    minutes,
    points: pointsFor(minutes, log.pointsPerHour),
    ...(command.note?.trim() ? { note: command.note.trim() } : {}),
    ...(bonusPoints ? { bonusPoints } : {}),
    verifiedBy: decider.userId,
    decidedAt: now.toISOString(),
  };
};

export const reject = (log: HourLog, decider: Principal, command: RejectCommand, now: Date): Result<HourLog> => {
  const refusal = refusalToDecide(log, decider);
  if (refusal) return refusal;
  const reason = command.reason.trim();
  if (!reason) return invalid({ reason: 'required' });
  return { ...log, status: 'rejected', reason, rejectedBy: decider.userId, decidedAt: now.toISOString() };
};
