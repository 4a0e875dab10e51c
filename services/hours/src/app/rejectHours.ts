import type { Principal } from '@lianxin/shared/auth/principal';
import type { HourLog } from '../domain/hourLog';
import { type RejectCommand, reject } from '../domain/verification';
import { hoursRejected } from '../events/publish';
import { decide } from './decide';

export interface RejectHoursInput {
  hourLogId: string;
  decider: Principal;
  command: RejectCommand;
}

/** An organizer of the log's organization rejects checked-out hours with a reason (HoursRejected.v1). */
export const rejectHours = ({ hourLogId, decider, command }: RejectHoursInput, now: Date): Promise<HourLog> =>
  decide({
    hourLogId,
    decider,
    action: 'hours.reject',
    rule: (log) => reject(log, decider, command, now),
    event: (rejected) => hoursRejected(rejected, now),
  });
