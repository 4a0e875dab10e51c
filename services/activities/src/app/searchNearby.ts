import { type Activity, asOf } from '../domain/activity';
import { type NearbyFilter, type NearbyHit, decodeCursor, encodeCursor, hitOrder, matches, mayMatch } from '../domain/discovery';
import { findActivity } from '../store/activities';
import { activitiesNear } from '../store/nearby';

type Found = Activity & { distanceM: number };

/** Details are read a few at a time: a page's worth, at least this many (filters may drop some). */
const MIN_READS = 8;

/**
 * Walk the hits nearest first, reading the activities a few at a time, until one more than a
 * page matches (which tells that another page follows).
 */
const firstMatches = async (hits: NearbyHit[], filter: NearbyFilter, now: Date): Promise<(Found & { order: string })[]> => {
  const kept: (Found & { order: string })[] = [];
  for (let next = 0; next < hits.length && kept.length <= filter.limit; ) {
    const chunk = hits.slice(next, next + Math.max(filter.limit + 1 - kept.length, MIN_READS));
    next += chunk.length;
    const activities = await Promise.all(chunk.map((h) => findActivity(h.activityId)));
    chunk.forEach((hit, i) => {
      const activity = activities[i] && asOf(activities[i], now);
      if (activity && matches(activity, filter)) kept.push({ ...activity, distanceM: hit.distanceM, order: hitOrder(hit) });
    });
  }
  return kept;
};

/**
 * Published activities not yet over within the radius, nearest first, with the other
 * filters applied. Only the activities of the page returned (and a few beyond) are read in
 * full. The cursor is the place in that order of the last activity returned.
 */
export const searchNearby = async (filter: NearbyFilter, now: Date): Promise<{ items: Found[]; cursor?: string }> => {
  const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
  const hits = (await activitiesNear(filter.near, filter.radiusM, filter)).filter((h) => mayMatch(h, filter, now) && (!after || hitOrder(h) > after));
  const kept = await firstMatches(hits, filter, now);
  const page = kept.slice(0, filter.limit);
  const items = page.map(({ order: _o, ...found }) => found);
  const last = page.at(-1);
  return kept.length > filter.limit && last ? { items, cursor: encodeCursor(last.order) } : { items };
};
