import { describe, expect, it } from 'vitest';
import { digestIdCard, isValidIdCard } from '../../src/domain/idCard';

describe('the id card number (GB 11643)', () => {
  it('accepts numbers whose check character matches, X included, in either case', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('11010519491231002x')).toBe(true);
    expect(isValidIdCard('440524188001010014')).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and letters in the body', () => {
    expect(isValidIdCard('110105194912310021')).toBe(false);
    expect(isValidIdCard('440524188001010015')).toBe(false);
    expect(isValidIdCard('11010519491231002')).toBe(false);
    expect(isValidIdCard('4405241880010100140')).toBe(false);
    expect(isValidIdCard('44052418800101A014')).toBe(false);
  });

  it('keeps a keyed hash and the last 4: the same number under the same key matches, another key does not', () => {
    const a = digestIdCard('11010519491231002x', 'key-1');
    expect(a.last4).toBe('002X');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain('110105');
    expect(digestIdCard('11010519491231002X', 'key-1').hash).toBe(a.hash);
    expect(digestIdCard('11010519491231002X', 'key-2').hash).not.toBe(a.hash);
  });
});
