import { DeleteTransaction, Entity, PutTransaction, QueryCommand, item, number, string } from 'dynamodb-toolbox';
import { type Activity, type GeoPoint, firstStart } from '../domain/activity';
import { type NearbyHit, hitOrder } from '../domain/discovery';
import { INDEX_PRECISION, cellsCovering, encodeGeohash, haversineM } from '../domain/geo';
import { keys } from './keys';
import { table } from './table';

/**
 * "Near me" without a Scan: each published activity has one small entry in the partition of
 * its location's geohash cell (INDEX_PRECISION in domain/geo.ts), written in the publish
 * transaction and deleted in the cancel transaction. A search queries the cells covering the circle and keeps the
 * entries within the radius by great-circle distance. An entry also carries the activity's
 * fields that never change once published (place, organization, category), so a search
 * can drop what cannot match without reading the activity. (Entries written before these
 * fields existed lack them: such an entry is kept, and its activity's details decide.)
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
    orgId: string().optional(),
    gridId: string().optional(),
    communityId: string().optional(),
    streetId: string().optional(),
    category: string().optional(),
  }),
  computeKey: ({ geohash, firstStartsAt, activityId }) => keys.geoEntry(geohash, firstStartsAt, activityId),
  timestamps: false,
});

const entryKey = (activity: Activity) => ({
  geohash: encodeGeohash(activity.location, INDEX_PRECISION),
  firstStartsAt: firstStart(activity),
  activityId: activity.activityId,
});

export const geoEntryPut = (activity: Activity, lastEndsAt: string) => {
  const { orgId, gridId, communityId, streetId, category } = activity;
  return GeoEntryEntity.build(PutTransaction).item({ ...entryKey(activity), ...activity.location, lastEndsAt, orgId, gridId, communityId, streetId, category });
};

export const geoEntryDelete = (activity: Activity) => GeoEntryEntity.build(DeleteTransaction).key(entryKey(activity));

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
    .map(({ geohash: _g, lat, lng, ...entry }): NearbyHit => ({ ...entry, distanceM: Math.round(haversineM(centre, { lat, lng })) }))
    .filter((hit) => hit.distanceM <= radiusM)
    .map((hit) => ({ hit, order: hitOrder(hit) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ hit }) => hit);
};
