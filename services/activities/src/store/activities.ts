import { Entity, type FormattedItem, GetItemCommand, PutTransaction, QueryCommand, UpdateTransaction, executeTransactWrite, item, list, map, number, string } from 'dynamodb-toolbox';
import { failedConditionAt } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { type Activity, AUDIENCES, DEFAULT_CANCELLATION_DEADLINE_HOURS, STATUSES, type Shift, firstStart, lastEnd } from '../domain/activity';
import { type Place, published } from '../domain/stats/counters';
import { keys } from './keys';
import { geoEntryPut } from './nearby';
import { statsWrite } from './stats';
import { outbox, table } from './table';

/**
 * The activity item also carries its listing keys and time span (for `from` filters). Only
 * a published activity has listing keys: drafts and cancelled ones are invisible in
 * discovery because no index holds them.
 */
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
    status: string().enum(...STATUSES),
    /** Absent on activities created before it existed: they get the default. */
    cancellationDeadlineHours: number().optional(),
    cancelReason: string().optional(),
    createdBy: string(),
    createdAt: string(),
    firstStartsAt: string(),
    lastEndsAt: string(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ activityId }) => keys.activity(activityId),
  timestamps: false,
});

/**
 * A shift lives in its activity's partition; `confirmed` counts the places taken and
 * `waitlisted` the volunteers waiting. `state` closes it to claims while its activity is a
 * draft or once cancelled (absent on shifts written before drafts existed: open).
 */
export const SHIFT_STATES = ['draft', 'open', 'cancelled'] as const;
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
    waitlisted: number().optional(),
    state: string().enum(...SHIFT_STATES).optional(),
    /** The activity's place, so a claim can count itself in its grid's stats without reading the activity (absent on older shifts). */
    gridId: string().optional(),
    communityId: string().optional(),
    streetId: string().optional(),
  }),
  computeKey: ({ activityId, shiftId }) => keys.shift(activityId, shiftId),
  timestamps: false,
});

export type ActivityItem = FormattedItem<typeof ActivityEntity>;
type ShiftItem = FormattedItem<typeof ShiftEntity>;

/** The index keys that make a published activity discoverable by grid and community. */
const listingKeys = (activity: Activity) => {
  const listing = keys.listing(firstStart(activity), activity.activityId);
  return {
    gsi1pk: keys.activitiesOfGrid(activity.gridId),
    gsi1sk: listing,
    gsi2pk: keys.activitiesOfCommunity(activity.communityId),
    gsi2sk: listing,
  };
};

const activityItem = ({ shifts, ...activity }: Activity) => ({
  ...activity,
  firstStartsAt: firstStart({ shifts }),
  lastEndsAt: lastEnd({ shifts }),
  ...(activity.status === 'published' ? listingKeys({ ...activity, shifts }) : {}),
});

/** A publication, all or nothing: the event, the near-me entry and the grid's stats. */
const publicationWrites = (activity: Activity, event: Envelope) => [
  outboxPut(outbox, event),
  geoEntryPut(activity, lastEnd(activity)),
  statsWrite(activity, activity.activityId, published(activity)),
];

export const toShift = ({ shiftId, startsAt, endsAt, capacity, confirmed, waitlisted }: ShiftItem): Shift => ({
  shiftId, startsAt, endsAt, capacity, confirmed, waitlisted: waitlisted ?? 0,
});

export const toActivity = (item: ActivityItem, shifts: Shift[]): Activity => {
  const { firstStartsAt: _f, lastEndsAt: _l, gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, ...activity } = item;
  return {
    ...activity,
    cancellationDeadlineHours: activity.cancellationDeadlineHours ?? DEFAULT_CANCELLATION_DEADLINE_HOURS,
    shifts: [...shifts].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0)),
  };
};

/**
 * Write the activity, its shifts and (unless it is a draft) its `ActivityPublished` event in
 * one transaction. Writing the same activity id again changes nothing and reports `exists`
 * (the seed relies on it).
 */
export const saveActivity = async (activity: Activity, event?: Envelope): Promise<'published' | 'draft' | 'exists'> => {
  const isDraft = activity.status === 'draft';
  const shiftPuts = activity.shifts.map((shift) =>
    ShiftEntity.build(PutTransaction)
      .item({ activityId: activity.activityId, ...shift, state: isDraft ? 'draft' : 'open', gridId: activity.gridId, communityId: activity.communityId, streetId: activity.streetId })
      .options({ condition: { attr: 'shiftId', exists: false } }),
  );
  try {
    await executeTransactWrite(
      ActivityEntity.build(PutTransaction)
        .item(activityItem(activity))
        .options({ condition: { attr: 'activityId', exists: false } }),
      ...shiftPuts,
      ...(event ? publicationWrites(activity, event) : []),
    );
    return isDraft ? 'draft' : 'published';
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

/** Where an activity is (for a claim of a shift written before shifts carried it). */
export const placeOf = async (activityId: string): Promise<Place | undefined> => {
  const { Item } = await ActivityEntity.build(GetItemCommand).key({ activityId }).options({ attributes: ['gridId', 'communityId', 'streetId'] }).send();
  return Item && { gridId: Item.gridId, communityId: Item.communityId, streetId: Item.streetId };
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

/** Editable fields only; the condition makes a concurrent publish or cancel win cleanly. */
export const updateActivityFields = async (before: Activity, after: Activity): Promise<void> => {
  const { title, description, category, address, location, pointsPerHour, audience, skills, cancellationDeadlineHours } = after;
  await executeTransactWrite(
    ActivityEntity.build(UpdateTransaction)
      .item({ activityId: before.activityId, title, description, category, address, location, pointsPerHour, audience, skills, cancellationDeadlineHours })
      .options({ condition: { attr: 'status', eq: before.status } }),
  );
};

/** Draft → published: listing keys, shifts opened, `ActivityPublished`, all or nothing. */
export const markPublished = async (activity: Activity, event: Envelope): Promise<void> => {
  await executeTransactWrite(
    ActivityEntity.build(UpdateTransaction)
      .item({ activityId: activity.activityId, status: 'published', ...listingKeys(activity) })
      .options({ condition: { attr: 'status', eq: 'draft' } }),
    ...activity.shifts.map((shift) =>
      ShiftEntity.build(UpdateTransaction)
        .item({ activityId: activity.activityId, shiftId: shift.shiftId, state: 'open' })
        .options({ condition: { attr: 'shiftId', exists: true } }),
    ),
    ...publicationWrites(activity, event),
  );
};
