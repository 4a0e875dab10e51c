import { describe, expect, it } from 'vitest';
import { MAX_ACTIVE_FEEDS, feedPath, isFeedToken, newFeedToken, tokenHash, tooManyFeeds, unknownFeed } from '../../src/domain/calendarFeed';

describe('calendar feed tokens', () => {
  it('are 256 random bits in base64url, each new, and recognized by their format only', () => {
    const tokens = Array.from({ length: 200 }, newFeedToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isFeedToken(token)).toBe(true);
    }
    const token = tokens[0]!;
    for (const other of ['', token.slice(1), `${token}A`, `${token.slice(1)}=`, `${token.slice(1)}/`, `${token.slice(1)}+`, 'x'.repeat(10_000)]) {
      expect(isFeedToken(other)).toBe(false);
    }
  });

  it('are kept as their SHA-256, which neither holds nor reveals the token', () => {
    const token = newFeedToken();
    const hash = tokenHash(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(tokenHash(token));
    expect(hash).not.toBe(tokenHash(newFeedToken()));
    expect(hash.includes(token)).toBe(false);
    // The known SHA-256 of "abc", so the hash is the standard one another tool can check.
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('open a feed at /feeds/<token>/schedule.ics; an unknown one is one 404 that names nothing', () => {
    expect(feedPath('abc')).toBe('/feeds/abc/schedule.ics');
    expect(unknownFeed().toBody()).toEqual({ error: { code: 'FEED_NOT_FOUND', message: 'No calendar feed at this address' } });
    expect(unknownFeed().status).toBe(404);
    expect(tooManyFeeds()).toMatchObject({ status: 409, code: 'TOO_MANY_FEEDS' });
    expect(tooManyFeeds().message).toContain(String(MAX_ACTIVE_FEEDS));
  });
});
