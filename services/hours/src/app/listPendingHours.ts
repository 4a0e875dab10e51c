import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import type { HourLog } from '../domain/hourLog';
import { decidingOrganization, wishQueueOf } from '../domain/wishHours';
import { hourLogsOfOrganization } from '../store/hourLogs';
import { communitiesServedBy } from '../store/servedCommunities';
import { maxBonusPoints } from './maxBonusPoints';

const byCheckOut = (a: HourLog, b: HourLog) => (a.checkOutAt ?? '').localeCompare(b.checkOutAt ?? '');

const pendingOf = (queue: string) => hourLogsOfOrganization(queue, 'checked_out');

export interface PendingHours {
  items: HourLog[];
  /** The most a bonus may be when verifying them (the earning policy's maximum organizer bonus). */
  maxBonusPoints: number;
}

/**
 * Checked-out hours awaiting a decision in the organizer's own organizations, and the
 * micro-wishes of the communities they serve that one of those organizations may decide,
 * oldest check-out first.
 */
export const listPendingHours = async (organizer: Principal): Promise<PendingHours> => {
  const orgIds = scopeIds(organizer, 'org');
  const communities = new Set((await Promise.all(orgIds.map(communitiesServedBy))).flat());
  const [shifts, wishes, maxBonus] = await Promise.all([
    Promise.all(orgIds.map(pendingOf)),
    Promise.all([...communities].map((c) => pendingOf(wishQueueOf(c)))),
    maxBonusPoints(),
  ]);
  const decidable = wishes.flat().filter((log) => decidingOrganization(log, orgIds) !== undefined);
  return { items: [...shifts.flat(), ...decidable].sort(byCheckOut), maxBonusPoints: maxBonus };
};
