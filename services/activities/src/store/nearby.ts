import { DeleteTransaction, Entity, PutTransaction, QueryCommand, item, number, string } from 'dynamodb-toolbox';
import { type Activity, type GeoPoint, firstStart } from '../domain/activity';
import { INDEX_PRECISION, cellsCovering, encodeGeohash, haversineM } from '../domain/geo';
import { keys } from './keys';
import { table } from './table';

/**
 * "Near me" without a Scan: each published activity has one small entry in the partition of
 * its location's 5-character geohash cell, written in the publish transaction and deleted in
 * the cancel transaction. A search queries the cells covering the circle and keeps the
 * entries within the radius by great-circle distance.
 */
export const GeoEntryEntity = new Entity({
  name: 'GeoEntry',
  table,
  schema: item({
    geohash: string().key(),
    firstStartsAt: string().key(),
    activityId: string().key(),
    lat: number(),
    lng: number(),
    lastEndsAt: string(),
  }),
  computeKey: ({ geohash, firstStartsAt, activityId }) => keys.geoEntry(geohash, firstStartsAt, activityId),
  timestamps: false,
});

const entryKey = (activity: Activity) => ({
  geohash: encodeGeohash(activity.location, INDEX_PRECISION),
  firstStartsAt: firstStart(activity),
  activityId: activity.activityId,
});

export const geoEntryPut = (activity: Activity, lastEndsAt: string) =>
  GeoEntryEntity.build(PutTransaction).item({ ...entryKey(activity), ...activity.location, lastEndsAt });

export const geoEntryDelete = (activity: Activity) => GeoEntryEntity.build(DeleteTransaction).key(entryKey(activity));

export interface NearbyHit { activityId: string; distanceM: number; firstStartsAt: string }

/** Activities within `radiusM` of `centre` not over before `from` nor starting after `to`, nearest first. */
export const activitiesNear = async (centre: GeoPoint, radiusM: number, window: { from?: string; to?: string }): Promise<NearbyHit[]> => {
  const cells = cellsCovering(centre, radiusM, INDEX_PRECISION);
  const upper = window.to ? `${new Date(window.to).toISOString()}$` : undefined;
  const pages = await Promise.all(
    cells.map((cell) =>
      table
        .build(QueryCommand)
        .entities(GeoEntryEntity)
        .query({ partition: keys.geoCell(cell), ...(upper ? { range: { lt: upper } } : {}) })
        .options({ maxPages: Infinity, ...(window.from ? { filters: { GeoEntry: { attr: 'lastEndsAt', gt: new Date(window.from).toISOString() } } } : {}) })
        .send(),
    ),
  );
  return pages
    .flatMap((p) => p.Items ?? [])
    .map((e) => ({ activityId: e.activityId, firstStartsAt: e.firstStartsAt, distanceM: Math.round(haversineM(centre, e)) }))
    .filter((hit) => hit.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || (a.firstStartsAt < b.firstStartsAt ? -1 : 1));
};
