import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { deleteFeed } from '../../store/calendarFeeds';

/** The owner revokes a feed: its token answers 404 from now on. Someone else's feed is not found. */
export const revokeFeed = async (volunteer: Principal, feedId: string): Promise<void> => {
  if ((await deleteFeed(volunteer.userId, feedId)) === 'gone') throw notFound('feed', feedId);
};
