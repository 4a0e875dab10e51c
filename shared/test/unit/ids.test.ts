import { describe, expect, it } from 'vitest';
import { canonicalJson, hashOf, idFromKey, newId, numericCode } from '../../src/ids';

describe('ids', () => {
  it('orders new ids by time', () => {
    const a = newId('x', 1_700_000_000_000);
    const b = newId('x', 1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(a).toMatch(/^x_[0-9A-Z]{26}$/);
  });

  it('derives the same id from the same business key and another from another', () => {
    expect(idFromKey('tr', 'earn', 'hl_1')).toBe(idFromKey('tr', 'earn', 'hl_1'));
    expect(idFromKey('tr', 'earn', 'hl_1')).not.toBe(idFromKey('tr', 'earn', 'hl_2'));
    expect(idFromKey('tr', 'a', 'bc')).not.toBe(idFromKey('tr', 'ab', 'c'));
  });

  it('hashes payloads independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(hashOf({ a: 1, b: 2 })).toBe(hashOf({ b: 2, a: 1 }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: 2 }));
  });

  it('makes numeric codes of the requested length', () => {
    const codes = new Set(Array.from({ length: 50 }, () => numericCode(6)));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(40);
  });
});
