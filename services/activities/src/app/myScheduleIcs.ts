import { calendar } from '../domain/ical';
import { mySchedule } from './mySchedule';

/**
 * A volunteer's schedule as an iCalendar feed: for the signed-in caller (`/me/schedule.ics`)
 * and for the owner of a calendar feed's token (`/feeds/{token}/schedule.ics`), so it takes
 * only the person's id.
 */
export const myScheduleIcs = async (volunteerId: string, now: Date): Promise<string> => {
  const entries = (await mySchedule(volunteerId, now)).map((claim) => ({
    uid: `${claim.claimId}@lianxin`,
    summary: claim.activityTitle,
    startsAt: claim.startsAt,
    endsAt: claim.endsAt,
    stampedAt: now.toISOString(),
  }));
  return calendar('连心 志愿服务', entries);
};
