import type { Principal } from '@lianxin/shared/auth/principal';
import type { CalendarFeed } from '../../domain/calendarFeed';
import { feedsOf } from '../../store/calendarFeeds';

/** The caller's feeds, newest first (never their tokens: only hashes are kept). */
export const listFeeds = async (volunteer: Principal): Promise<CalendarFeed[]> =>
  (await feedsOf(volunteer.userId)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
