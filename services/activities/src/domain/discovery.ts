import { invalid } from '@lianxin/shared/errors';
import type { Activity, GeoPoint } from './activity';

/** What a listing or a near search may be narrowed by. */
export interface ActivityFilter {
  gridId?: string;
  communityId?: string;
  streetId?: string;
  orgId?: string;
  /** Only activities not over by then (their last shift ends after `from`). */
  from?: string;
  /** Only activities whose first shift starts by then. */
  to?: string;
  category?: string;
  skill?: string;
  /** Words in the title. */
  q?: string;
  limit: number;
  cursor?: string;
}

export type NearbyFilter = ActivityFilter & { near: GeoPoint; radiusM: number };

/** The cursor is the order key of the last activity returned: pages resume right after it. */
export const encodeCursor = (after: string) => Buffer.from(JSON.stringify({ after })).toString('base64url');

export const decodeCursor = (cursor: string): string => {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof after === 'string' && after) return after;
  } catch {
    // reported below
  }
  throw invalid({ cursor: 'not a cursor this API returned' });
};

/** The fields of a near-index entry a filter can be checked against (absent on entries older than them). */
export const ENTRY_FACTS = ['orgId', 'gridId', 'communityId', 'streetId', 'category'] as const;
export type EntryFacts = Partial<Record<(typeof ENTRY_FACTS)[number], string>>;

/** One activity found near the point, from its index entry alone. */
export interface NearbyHit extends EntryFacts { activityId: string; distanceM: number; firstStartsAt: string; lastEndsAt: string }

/** Nearest first; equally near ones by start, then id, so the order (and a cursor into it) is stable. */
export const hitOrder = (h: Pick<NearbyHit, 'distanceM' | 'firstStartsAt' | 'activityId'>): string =>
  `${String(h.distanceM).padStart(8, '0')}#${h.firstStartsAt}#${h.activityId}`;

/** What the index entry already rules out: another place, organization or category, or over. */
export const mayMatch = (hit: NearbyHit, f: ActivityFilter, now: Date): boolean =>
  Date.parse(hit.lastEndsAt) > now.getTime() && ENTRY_FACTS.every((fact) => !f[fact] || hit[fact] === undefined || hit[fact] === f[fact]);

/** A published activity (as of now) that every filter named lets through. */
export const matches = (a: Activity, f: ActivityFilter): boolean =>
  a.status === 'published' &&
  (!f.gridId || a.gridId === f.gridId) &&
  (!f.communityId || a.communityId === f.communityId) &&
  (!f.streetId || a.streetId === f.streetId) &&
  (!f.orgId || a.orgId === f.orgId) &&
  (!f.category || a.category === f.category) &&
  (!f.skill || a.skills.includes(f.skill)) &&
  (!f.q || a.title.includes(f.q) || a.description.includes(f.q));
