import type { Principal } from '@lianxin/shared/auth/principal';
import type { HourLog } from '../domain/hourLog';
import { type VerifyCommand, verify } from '../domain/verification';
import { hoursVerified } from '../events/publish';
import { decide } from './decide';
import { maxBonusPoints } from './maxBonusPoints';

export interface VerifyHoursInput {
  hourLogId: string;
  decider: Principal;
  command: VerifyCommand;
}

/**
 * An organizer of the log's organization verifies checked-out hours, with a bonus of at most
 * the earning policy's maximum (400 naming `bonusPoints` beyond it); HoursVerified.v2 tells the ledger.
 */
export const verifyHours = async ({ hourLogId, decider, command }: VerifyHoursInput, now: Date): Promise<HourLog> => {
  const maxBonus = await maxBonusPoints();
  return decide({
    hourLogId,
    decider,
    action: 'hours.verify',
    rule: (log) => verify(log, decider, command, now, maxBonus),
    event: (verified) => hoursVerified(verified, now),
  });
};
