import { isFeedToken, tokenHash, unknownFeed } from '../../domain/calendarFeed';
import { feedOfToken, markUsed } from '../../store/calendarFeeds';
import { myScheduleIcs } from '../myScheduleIcs';

/**
 * A calendar app reads a feed: the owner's schedule, as `/me/schedule.ics` serves it. The
 * token is found by its hash; a malformed, unknown or revoked one gets the same 404.
 */
export const feedSchedule = async (token: string, now: Date): Promise<string> => {
  const feed = isFeedToken(token) ? await feedOfToken(tokenHash(token)) : undefined;
  if (!feed) throw unknownFeed();
  const [ics] = await Promise.all([myScheduleIcs(feed.personId, now), markUsed(feed.personId, feed.feedId, now)]);
  return ics;
};
