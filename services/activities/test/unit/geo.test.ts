import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellSize, cellsCovering, decodeCentre, encodeGeohash, haversineM, neighbours } from '../../src/domain/geo';

describe('geohash', () => {
  it('encodes known points', () => {
    expect(encodeGeohash({ lat: 57.64911, lng: 10.40744 }, 11)).toBe('u4pruydqqvj');
    expect(encodeGeohash({ lat: 39.9042, lng: 116.4074 }, 5)).toBe('wx4g0');
  });

  it('decodes a hash to a centre that encodes back to it', () => {
    fc.assert(
      fc.property(fc.double({ min: -89.9, max: 89.9, noNaN: true }), fc.double({ min: -179.9, max: 179.9, noNaN: true }), (lat, lng) => {
        const hash = encodeGeohash({ lat, lng }, 6);
        expect(encodeGeohash(decodeCentre(hash), 6)).toBe(hash);
      }),
      { numRuns: 200 },
    );
  });

  it('has 8 distinct neighbours, each adjacent', () => {
    const around = neighbours('wx4g0');
    expect(around).toHaveLength(8);
    expect(new Set(around).size).toBe(8);
    expect(around).not.toContain('wx4g0');
    const size = cellSize(5);
    const c = decodeCentre('wx4g0');
    for (const h of around) {
      const n = decodeCentre(h);
      expect(Math.abs(n.lat - c.lat)).toBeLessThanOrEqual(size.lat * 1.01);
      expect(Math.abs(n.lng - c.lng)).toBeLessThanOrEqual(size.lng * 1.01);
    }
  });

  it('covers every point within the radius with one of its cells', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.integer({ min: 100, max: 5000 }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lat, lng, radiusM, bearing, fraction) => {
          const d = (radiusM * fraction) / 6_371_000 * (180 / Math.PI);
          const point = { lat: lat + d * Math.cos(bearing), lng: lng + (d * Math.sin(bearing)) / Math.cos((lat * Math.PI) / 180) };
          if (haversineM({ lat, lng }, point) > radiusM) return;
          expect(cellsCovering({ lat, lng }, radiusM, 5)).toContain(encodeGeohash(point, 5));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('measures distance', () => {
    expect(haversineM({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111_195, -2);
  });
});
