import type { Principal } from '@lianxin/shared/auth/principal';
import type { HourLog } from '../domain/hourLog';
import { hourLogsOfVolunteer } from '../store/hourLogs';

/** The caller's own hour logs, newest check-in first. */
export const listMyHours = (caller: Principal): Promise<HourLog[]> => hourLogsOfVolunteer(caller.userId);
