import type { Principal } from '@lianxin/shared/auth/principal';
import { calendar } from '../domain/ical';
import { mySchedule } from './mySchedule';

/** The caller's schedule as an iCalendar feed. */
export const myScheduleIcs = async (volunteer: Principal, now: Date): Promise<string> => {
  const entries = (await mySchedule(volunteer, now)).map((claim) => ({
    uid: `${claim.claimId}@lianxin`,
    summary: claim.activityTitle,
    startsAt: claim.startsAt,
    endsAt: claim.endsAt,
    stampedAt: now.toISOString(),
  }));
  return calendar('连心 志愿服务', entries);
};
