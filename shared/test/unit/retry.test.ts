import { describe, expect, it } from 'vitest';
import { retry } from '../../src/retry';

describe('retry', () => {
  it('retries a transient failure and returns the first success', async () => {
    let calls = 0;
    const result = await retry(async () => {
      calls++;
      if (calls < 3) throw new Error('transient');
      return 'done';
    }, { retryable: () => true, baseDelayMs: 1 });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('throws a non-retryable failure at once', async () => {
    let calls = 0;
    await expect(retry(async () => { calls++; throw new Error('final'); }, { retryable: () => false })).rejects.toThrow('final');
    expect(calls).toBe(1);
  });

  it('gives up after the given number of tries', async () => {
    let calls = 0;
    await expect(retry(async () => { calls++; throw new Error('again'); }, { retryable: () => true, tries: 4, baseDelayMs: 1 })).rejects.toThrow('again');
    expect(calls).toBe(4);
  });
});
