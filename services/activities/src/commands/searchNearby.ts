import type { Activity, GeoPoint } from '../domain/activity';
import { findActivity } from '../store/activities';
import { type ActivityFilter, decodeCursor, encodeCursor } from '../store/listing';
import { activitiesNear } from '../store/nearby';

export type NearbyFilter = ActivityFilter & { near: GeoPoint; radiusM: number };

const matches = (a: Activity, f: ActivityFilter): boolean =>
  a.status === 'published' &&
  (!f.gridId || a.gridId === f.gridId) &&
  (!f.communityId || a.communityId === f.communityId) &&
  (!f.streetId || a.streetId === f.streetId) &&
  (!f.orgId || a.orgId === f.orgId) &&
  (!f.category || a.category === f.category) &&
  (!f.skill || a.skills.includes(f.skill)) &&
  (!f.q || a.title.includes(f.q) || a.description.includes(f.q));

/**
 * Published activities within the radius, nearest first, with the other filters applied to
 * the (few) activities the circle holds. The cursor is the number already returned.
 */
export const searchNearby = async (filter: NearbyFilter): Promise<{ items: (Activity & { distanceM: number })[]; cursor?: string }> => {
  const offset = filter.cursor === undefined ? 0 : Number(decodeCursor(filter.cursor));
  const hits = await activitiesNear(filter.near, filter.radiusM, filter);
  const found = await Promise.all(hits.map(async (h) => ({ activity: await findActivity(h.activityId), distanceM: h.distanceM })));
  const kept = found.flatMap(({ activity, distanceM }) => (activity && matches(activity, filter) ? [{ ...activity, distanceM }] : []));
  const items = kept.slice(offset, offset + filter.limit);
  return kept.length > offset + filter.limit ? { items, cursor: encodeCursor(String(offset + filter.limit)) } : { items };
};
