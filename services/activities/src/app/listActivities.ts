import type { Activity, GeoPoint } from '../domain/activity';
import type { ActivityFilter } from '../domain/discovery';
import { listedActivities } from '../store/listing';
import { searchNearby } from './searchNearby';

export type ActivityQuery = ActivityFilter & { near?: GeoPoint; radiusM: number };

/** Activities by first shift start, or, with `near`, within the radius nearest first. */
export const listActivities = ({ near, ...filter }: ActivityQuery, now: Date): Promise<{ items: (Activity & { distanceM?: number })[]; cursor?: string }> =>
  near ? searchNearby({ ...filter, near }, now) : listedActivities(filter);
