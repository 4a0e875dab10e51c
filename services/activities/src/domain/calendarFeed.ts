import { createHash, randomBytes } from 'node:crypto';
import { AppError, conflict } from '@lianxin/shared/errors';

/**
 * A calendar feed: a URL a phone's calendar app subscribes to, which cannot send the ID token.
 * The URL's token is the capability. It is random (256 bits, base64url) and shown once; only
 * its SHA-256 is stored, so a copy of the table holds no usable token, and a request's token
 * is found by looking its hash up, never by comparing tokens.
 */
export interface CalendarFeed {
  feedId: string;
  personId: string;
  createdAt: string;
  /** When a calendar app last read the feed. */
  lastUsedAt?: string;
}

/** Active feeds per person: one per device or calendar app is plenty. */
export const MAX_ACTIVE_FEEDS = 5;

const TOKEN_BYTES = 32;
/** What `newFeedToken` makes: 32 bytes are 43 base64url characters (no padding). */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export const newFeedToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/** Anything else is answered as an unknown feed, before it is hashed or looked up. */
export const isFeedToken = (candidate: string): boolean => TOKEN_FORMAT.test(candidate);

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The feed's path on the API (the portal puts the API's origin in front). */
export const feedPath = (token: string): string => `/feeds/${token}/schedule.ics`;

/**
 * One answer for a token never issued, revoked, or malformed: the caller learns nothing about
 * which, and the token is not echoed back.
 */
export const unknownFeed = (): AppError => new AppError(404, 'FEED_NOT_FOUND', 'No calendar feed at this address');

export const tooManyFeeds = (): AppError =>
  conflict('TOO_MANY_FEEDS', `At most ${MAX_ACTIVE_FEEDS} calendar feeds may be active at once; revoke one first`);
