import { type Condition, QueryCommand } from 'dynamodb-toolbox';
import type { Activity } from '../domain/activity';
import { type ActivityFilter, decodeCursor, encodeCursor } from '../domain/discovery';
import { ActivityEntity, type ActivityItem, shiftsOf, toActivity } from './activities';
import { communityIds, findOrganization } from './directory';
import { keys } from './keys';
import { table } from './table';

interface Partition { index: 'gsi1' | 'gsi2'; partition: string }

const byGrid = (gridId: string): Partition => ({ index: 'gsi1', partition: keys.activitiesOfGrid(gridId) });
const byCommunity = (communityId: string): Partition => ({ index: 'gsi2', partition: keys.activitiesOfCommunity(communityId) });

/**
 * The index partitions that can hold the answer, narrowest first: a grid, a community, the
 * organization's grids, or the communities of a street or of the whole directory.
 */
const partitionsFor = async (filter: ActivityFilter): Promise<Partition[]> => {
  if (filter.gridId) return [byGrid(filter.gridId)];
  if (filter.communityId) return [byCommunity(filter.communityId)];
  if (filter.orgId) return [...new Set((await findOrganization(filter.orgId))?.gridIds)].map(byGrid);
  return (await communityIds(filter.streetId)).map(byCommunity);
};

/** Every filter named applies to every partition (one is redundant with the partition itself). */
const conditionsOf = (filter: ActivityFilter): Condition<typeof ActivityEntity> | undefined => {
  const conditions: Condition<typeof ActivityEntity>[] = [];
  for (const attr of ['gridId', 'communityId', 'streetId', 'orgId'] as const) {
    const value = filter[attr];
    if (value) conditions.push({ attr, eq: value });
  }
  if (filter.category) conditions.push({ attr: 'category', eq: filter.category });
  if (filter.skill) conditions.push({ attr: 'skills', contains: filter.skill });
  if (filter.q) conditions.push({ attr: 'title', contains: filter.q });
  if (filter.from) conditions.push({ attr: 'lastEndsAt', gt: new Date(filter.from).toISOString() });
  return conditions.length ? { and: conditions } : undefined;
};

/** Listing keys are `<firstStartsAt>#<id>`; `$` sorts right after `#`, so `< to$` keeps starts ≤ to. */
const rangeOf = (after: string | undefined, to: string | undefined) => {
  const upper = to ? `${new Date(to).toISOString()}$` : undefined;
  if (after && upper) return { between: [after, upper] as [string, string] };
  if (after) return { gt: after };
  if (upper) return { lt: upper };
  return undefined;
};

/** Up to `want` matching activities of one partition, in listing order, paging past filtered-out items. */
const collect = async (
  { index, partition }: Partition,
  range: ReturnType<typeof rangeOf>,
  condition: Condition<typeof ActivityEntity> | undefined,
  want: number,
): Promise<ActivityItem[]> => {
  const found: ActivityItem[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(ActivityEntity)
      .query({ index, partition, ...(range ? { range } : {}) })
      .options({ limit: want, ...(condition ? { filters: { Activity: condition } } : {}), ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    found.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey && found.length < want);
  return found.slice(0, want);
};

const listingKeyOf = (item: ActivityItem) => keys.listing(item.firstStartsAt, item.activityId);

/** Code-unit order, which is DynamoDB's order for these ASCII keys (localeCompare is not). */
const byListingKey = (a: ActivityItem, b: ActivityItem) => {
  const [x, y] = [listingKeyOf(a), listingKeyOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Activities by first shift start, merged across the partitions the filter names. Each
 * partition is read from the cursor on; one more than a page tells whether another follows.
 */
export const listedActivities = async (filter: ActivityFilter): Promise<{ items: Activity[]; cursor?: string }> => {
  const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
  const range = rangeOf(after, filter.to);
  const condition = conditionsOf(filter);
  const partitions = await partitionsFor(filter);
  const pages = await Promise.all(partitions.map((p) => collect(p, range, condition, filter.limit + 1)));
  const merged = pages
    .flat()
    .filter((item) => !after || listingKeyOf(item) > after)
    .sort(byListingKey);
  const page = merged.slice(0, filter.limit);
  const items = await Promise.all(page.map(async (item) => toActivity(item, await shiftsOf(item.activityId))));
  const last = page.at(-1);
  return merged.length > filter.limit && last ? { items, cursor: encodeCursor(listingKeyOf(last)) } : { items };
};
