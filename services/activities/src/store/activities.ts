import { Entity, type FormattedItem, PutTransaction, QueryCommand, executeTransactWrite, item, list, map, number, string } from 'dynamodb-toolbox';
import { failedConditionAt } from '@lianxin/shared/db/transact';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { type Activity, AUDIENCES, type Shift, firstStart, lastEnd } from '../domain/activity';
import { keys } from './keys';
import { outbox, table } from './table';

/** The activity item also carries its listing keys and time span (for `from` filters). */
export const ActivityEntity = new Entity({
  name: 'Activity',
  table,
  schema: item({
    activityId: string().key(),
    orgId: string(),
    title: string(),
    description: string(),
    category: string(),
    gridId: string(),
    communityId: string(),
    streetId: string(),
    address: string(),
    location: map({ lat: number(), lng: number() }),
    pointsPerHour: number(),
    audience: string().enum(...AUDIENCES),
    skills: list(string()),
    status: string().enum('published'),
    createdBy: string(),
    createdAt: string(),
    firstStartsAt: string(),
    lastEndsAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ activityId }) => keys.activity(activityId),
  timestamps: false,
});

/** A shift lives in its activity's partition; `confirmed` counts the places taken. */
export const ShiftEntity = new Entity({
  name: 'Shift',
  table,
  schema: item({
    activityId: string().key(),
    shiftId: string().key(),
    startsAt: string(),
    endsAt: string(),
    capacity: number(),
    confirmed: number(),
  }),
  computeKey: ({ activityId, shiftId }) => keys.shift(activityId, shiftId),
  timestamps: false,
});

export type ActivityItem = FormattedItem<typeof ActivityEntity>;
type ShiftItem = FormattedItem<typeof ShiftEntity>;

const activityItem = ({ shifts, ...activity }: Activity) => {
  const firstStartsAt = firstStart({ shifts });
  const listing = keys.listing(firstStartsAt, activity.activityId);
  return {
    ...activity,
    firstStartsAt,
    lastEndsAt: lastEnd({ shifts }),
    gsi1pk: keys.activitiesOfGrid(activity.gridId),
    gsi1sk: listing,
    gsi2pk: keys.activitiesOfCommunity(activity.communityId),
    gsi2sk: listing,
  };
};

export const toShift = ({ shiftId, startsAt, endsAt, capacity, confirmed }: ShiftItem): Shift => ({ shiftId, startsAt, endsAt, capacity, confirmed });

export const toActivity = (item: ActivityItem, shifts: Shift[]): Activity => {
  const { firstStartsAt: _f, lastEndsAt: _l, gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, ...activity } = item;
  return { ...activity, shifts: [...shifts].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0)) };
};

/**
 * Write the activity, its shifts and `ActivityPublished` in one transaction. Writing the
 * same activity id again changes nothing and reports `exists` (the seed relies on it).
 */
export const saveActivity = async (activity: Activity, now: Date): Promise<'published' | 'exists'> => {
  const event = events.ActivityPublishedV1.make(
    {
      activityId: activity.activityId,
      orgId: activity.orgId,
      gridId: activity.gridId,
      communityId: activity.communityId,
      title: activity.title,
      pointsPerHour: activity.pointsPerHour,
      shifts: activity.shifts.map(({ shiftId, startsAt, endsAt, capacity }) => ({ shiftId, startsAt, endsAt, capacity })),
    },
    activity.createdBy,
    now,
  );
  const shiftPuts = activity.shifts.map((shift) =>
    ShiftEntity.build(PutTransaction)
      .item({ activityId: activity.activityId, ...shift })
      .options({ condition: { attr: 'shiftId', exists: false } }),
  );
  try {
    await executeTransactWrite(
      ActivityEntity.build(PutTransaction)
        .item(activityItem(activity))
        .options({ condition: { attr: 'activityId', exists: false } }),
      ...shiftPuts,
      outboxPut(outbox, event),
    );
    return 'published';
  } catch (error) {
    if (failedConditionAt(error, 0)) return 'exists';
    throw error;
  }
};

/** The activity and its shifts, read in one query of the activity's partition. */
export const findActivity = async (activityId: string): Promise<Activity | undefined> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ActivityEntity, ShiftEntity)
    .query({ partition: keys.activity(activityId).pk })
    .options({ consistent: true, maxPages: Infinity })
    .send();
  const head = Items.find((i): i is ActivityItem => !('shiftId' in i));
  if (!head) return undefined;
  return toActivity(head, Items.filter((i): i is ShiftItem => 'shiftId' in i).map(toShift));
};

/** The shifts of one activity (a listing asks for each activity of its page at once). */
export const shiftsOf = async (activityId: string): Promise<Shift[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ShiftEntity)
    .query({ partition: keys.activity(activityId).pk, range: { beginsWith: keys.shiftPrefix } })
    .options({ maxPages: Infinity })
    .send();
  return Items.map(toShift);
};
