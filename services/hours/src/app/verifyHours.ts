import type { Principal } from '@lianxin/shared/auth/principal';
import type { HourLog } from '../domain/hourLog';
import { type VerifyCommand, verify } from '../domain/verification';
import { hoursVerified } from '../events/publish';
import { decide } from './decide';

export interface VerifyHoursInput {
  hourLogId: string;
  decider: Principal;
  command: VerifyCommand;
}

/** An organizer of the log's organization verifies checked-out hours; HoursVerified.v2 tells the ledger. */
export const verifyHours = ({ hourLogId, decider, command }: VerifyHoursInput, now: Date): Promise<HourLog> =>
  decide({
    hourLogId,
    decider,
    action: 'hours.verify',
    rule: (log) => verify(log, decider, command, now),
    event: (verified) => hoursVerified(verified, now),
  });
