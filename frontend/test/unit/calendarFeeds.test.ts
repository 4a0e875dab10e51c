import { describe, expect, it } from 'vitest';
import { feedUrls } from '../../src/views/volunteer/feedUrls';

const path = '/feeds/AbC-_0123456789abcdefghijklmnopqrstuvwxyzAB/schedule.ics';

describe('calendar feed URLs', () => {
  it("put the feed's path behind the portal's API base, and offer the same as webcal://", () => {
    expect(feedUrls(path, 'http://localhost:5173', '/api')).toEqual({
      https: `http://localhost:5173/api${path}`,
      webcal: `webcal://localhost:5173/api${path}`,
    });
    expect(feedUrls(path, 'https://portal.example.org', '/api/').webcal).toBe(`webcal://portal.example.org/api${path}`);
  });

  it('use an API base on its own origin as it is (the AWS stages)', () => {
    expect(feedUrls(path, 'https://portal.example.org', 'https://api.example.org')).toEqual({
      https: `https://api.example.org${path}`,
      webcal: `webcal://api.example.org${path}`,
    });
  });
});
