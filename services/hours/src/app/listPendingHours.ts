import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import type { HourLog } from '../domain/hourLog';
import { hourLogsOfOrganization } from '../store/hourLogs';

const byCheckOut = (a: HourLog, b: HourLog) => (a.checkOutAt ?? '').localeCompare(b.checkOutAt ?? '');

/** Checked-out hours awaiting a decision in the organizer's own organizations, oldest check-out first. */
export const listPendingHours = async (organizer: Principal): Promise<HourLog[]> => {
  const perOrg = await Promise.all(scopeIds(organizer, 'org').map((orgId) => hourLogsOfOrganization(orgId, 'checked_out')));
  return perOrg.flat().sort(byCheckOut);
};
