/**
 * Every key this service writes, in one place. Base table: `ACT#<id>` holds an activity
 * (`ACT`) and its shifts (`SHIFT#<id>`); `SHIFT#<id>` holds its claims (`CLAIM#<volunteer>`).
 * gsi1: activities by grid, claims by volunteer. gsi2: activities by community, and the
 * directory's list of communities (by street).
 */
export const keys = {
  activity: (activityId: string) => ({ pk: `ACT#${activityId}`, sk: 'ACT' }),
  shift: (activityId: string, shiftId: string) => ({ pk: `ACT#${activityId}`, sk: `SHIFT#${shiftId}` }),
  shiftPrefix: 'SHIFT#',
  claim: (shiftId: string, volunteerId: string) => ({ pk: `SHIFT#${shiftId}`, sk: `CLAIM#${volunteerId}` }),
  grid: (gridId: string) => ({ pk: `GRID#${gridId}`, sk: 'GRID' }),
  community: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'COMMUNITY' }),
  organization: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  /** An organization serving a grid, kept in the grid's partition (which organizations serve it). */
  gridServer: (gridId: string, orgId: string) => ({ pk: `GRID#${gridId}`, sk: `ORG#${orgId}` }),
  gridServerPrefix: 'ORG#',
  /** The shifts a volunteer holds or waits for: one item, so claims of one volunteer serialize on it. */
  schedule: (volunteerId: string) => ({ pk: `VOL#${volunteerId}`, sk: 'SCHEDULE' }),
  claimsOfShift: (shiftId: string) => `SHIFT#${shiftId}`,
  /** A published activity's entry in the geohash cell of its location (see store/nearby.ts). */
  geoCell: (geohash: string) => `GEO#${geohash}`,
  geoEntry: (geohash: string, firstStartsAt: string, activityId: string) => ({ pk: `GEO#${geohash}`, sk: `${firstStartsAt}#${activityId}` }),
  claimPrefix: 'CLAIM#',
  /** Participation counters of a grid, in a few shards (see store/stats.ts). */
  gridStats: (gridId: string, shard: number) => ({ pk: `STATS#grid#${gridId}`, sk: `SHARD#${shard}` }),
  gridStatsPartition: (gridId: string) => `STATS#grid#${gridId}`,
  /** gsi1 / gsi2 partitions of the grid counters: by community, by street. */
  statsOfCommunity: (communityId: string) => `STATS#community#${communityId}`,
  statsOfStreet: (streetId: string) => `STATS#street#${streetId}`,
  /** gsi1 / gsi2 partitions. */
  activitiesOfGrid: (gridId: string) => `GRID#${gridId}`,
  activitiesOfCommunity: (communityId: string) => `COMMUNITY#${communityId}`,
  claimsOfVolunteer: (volunteerId: string) => `VOLUNTEER#${volunteerId}`,
  communities: 'DIRECTORY#COMMUNITIES',
  /** Sort keys: activities by first shift start, claims by shift start, communities by street. */
  listing: (firstStartsAt: string, activityId: string) => `${firstStartsAt}#${activityId}`,
  claimOrder: (startsAt: string, shiftId: string) => `${startsAt}#${shiftId}`,
  communityOrder: (streetId: string, communityId: string) => `${streetId}#${communityId}`,
};
