import type { Principal } from '@lianxin/shared/auth/principal';
import { AppError } from '@lianxin/shared/errors';
import { idFromKey } from '@lianxin/shared/ids';
import { type CalendarFeed, newFeedToken, tokenHash, tooManyFeeds } from '../../domain/calendarFeed';
import { replaceToken, saveFeed } from '../../store/calendarFeeds';

/**
 * A volunteer makes a calendar feed; the answer carries its token, the only time anyone sees
 * it. The feed's id comes from the Idempotency-Key, so a create run again after its first
 * attempt died lands on the same feed, with a fresh token (the first was never shown).
 */
export const createFeed = async (volunteer: Principal, idempotencyKey: string, now: Date): Promise<{ feed: CalendarFeed; token: string }> => {
  const token = newFeedToken();
  const feed: CalendarFeed = { feedId: idFromKey('feed', volunteer.userId, idempotencyKey), personId: volunteer.userId, createdAt: now.toISOString() };
  const saved = await saveFeed(feed, tokenHash(token));
  if (saved === 'full') throw tooManyFeeds();
  if (saved === 'saved') return { feed, token };
  const again = await replaceToken(feed.personId, feed.feedId, tokenHash(token));
  if (!again) throw new AppError(409, 'FEED_CHANGED', 'This calendar feed was revoked or changed meanwhile; create a new one');
  return { feed: again, token };
};
