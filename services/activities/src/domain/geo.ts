import type { GeoPoint } from './activity';

/**
 * Geohash (base-32, interleaved longitude/latitude bits) and the cells covering a circle,
 * so "near me" is a handful of key queries. Pure; no I/O.
 */
const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

export const encodeGeohash = ({ lat, lng }: GeoPoint, precision: number): string => {
  const range = { lat: [-90, 90], lng: [-180, 180] } as Record<'lat' | 'lng', [number, number]>;
  let hash = '';
  let bits = 0;
  let value = 0;
  let evenBit = true; // even bits encode longitude
  while (hash.length < precision) {
    const axis = evenBit ? 'lng' : 'lat';
    const coordinate = evenBit ? lng : lat;
    const [low, high] = range[axis];
    const mid = (low + high) / 2;
    value = value * 2 + (coordinate >= mid ? 1 : 0);
    range[axis] = coordinate >= mid ? [mid, high] : [low, mid];
    evenBit = !evenBit;
    if (++bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
};

/** The size of a cell of this precision in degrees (latitude, longitude). */
export const cellSize = (precision: number): { lat: number; lng: number } => {
  const totalBits = precision * 5;
  const lngBits = Math.ceil(totalBits / 2);
  return { lat: 180 / 2 ** (totalBits - lngBits), lng: 360 / 2 ** lngBits };
};

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export const haversineM = (a: GeoPoint, b: GeoPoint): number => {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
};

const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;

/** The 8 cells around a cell (fewer at the poles), by stepping one cell from its centre. */
export const neighbours = (hash: string): string[] => {
  const size = cellSize(hash.length);
  const centre = decodeCentre(hash);
  const around = new Set<string>();
  for (const dLat of [-1, 0, 1]) {
    for (const dLng of [-1, 0, 1]) {
      const lat = centre.lat + dLat * size.lat;
      if ((dLat || dLng) && lat > -90 && lat < 90) around.add(encodeGeohash({ lat, lng: wrapLng(centre.lng + dLng * size.lng) }, hash.length));
    }
  }
  around.delete(hash);
  return [...around];
};

export const decodeCentre = (hash: string): GeoPoint => {
  const range = { lat: [-90, 90], lng: [-180, 180] } as Record<'lat' | 'lng', [number, number]>;
  let evenBit = true;
  for (const char of hash) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not a geohash: ${hash}`);
    for (let bit = 4; bit >= 0; bit--) {
      const axis = evenBit ? 'lng' : 'lat';
      const [low, high] = range[axis];
      const mid = (low + high) / 2;
      range[axis] = (value >> bit) & 1 ? [mid, high] : [low, mid];
      evenBit = !evenBit;
    }
  }
  return { lat: (range.lat[0] + range.lat[1]) / 2, lng: (range.lng[0] + range.lng[1]) / 2 };
};

/**
 * Every cell of `precision` that the circle's bounding box touches: the centre cell and as
 * many rings of neighbours as the radius needs (a 5 km radius spans several 5-character
 * cells, so a fixed 3×3 would not do).
 */
export const cellsCovering = (centre: GeoPoint, radiusM: number, precision: number): string[] => {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos(rad(centre.lat)), 1e-6);
  const size = cellSize(precision);
  const cells = new Set<string>();
  for (let lat = Math.max(-89.999999, centre.lat - dLat); ; lat = Math.min(lat + size.lat, centre.lat + dLat)) {
    for (let lng = centre.lng - dLng; ; lng = Math.min(lng + size.lng, centre.lng + dLng)) {
      cells.add(encodeGeohash({ lat: Math.min(lat, 89.999999), lng: wrapLng(lng) }, precision));
      if (lng >= centre.lng + dLng) break;
    }
    if (lat >= Math.min(centre.lat + dLat, 89.999999)) break;
  }
  return [...cells];
};

/**
 * The precision of the index cells: about 1.2 km × 0.6 km, so the default 1.2 km circle reads
 * ~24 small cells. (Precision 5, ~4.9 km, read thousands of items per query at 10,000 activities.)
 */
export const INDEX_PRECISION = 6;
