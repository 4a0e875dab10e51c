import { createHash, randomBytes, randomInt } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Time-ordered, URL-safe id (ULID-like) with a readable prefix: `act_01J…`. */
export const newId = (prefix: string, at = Date.now()): string => {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
  return `${prefix}_${time}${random}`;
};

/** A deterministic id from a business key, so a retried command lands on the same item. */
export const idFromKey = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22)}`;

/** Stable JSON (sorted keys) so equal payloads hash equally whatever their key order. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

export const hashOf = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** A numeric one-time code of `digits` digits, uniformly random. */
export const numericCode = (digits: number): string =>
  Array.from({ length: digits }, () => String(randomInt(10))).join('');
