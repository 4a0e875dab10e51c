import { Entity, type FormattedItem, GetItemCommand, PutTransaction, QueryCommand, item, number, string } from 'dynamodb-toolbox';
import { notFound } from '@lianxin/shared/errors';
import { type SweepWindow, endingDayOf } from '../domain/attendanceOutcome';
import type { Shift } from '../domain/shift';
import { table } from './table';

/**
 * The shift directory: what ActivityPublished.v1 said about each shift. gsi1 lists shifts by
 * end time in one partition per UTC day (`ENDING#<day>`), so the attendance sweep reads only
 * the shifts that just ended. Optional because shifts projected before the index have none.
 */
export const ShiftEntity = new Entity({
  name: 'Shift',
  table,
  schema: item({
    shiftId: string().key(),
    activityId: string(),
    orgId: string(),
    communityId: string(),
    title: string(),
    startsAt: string(),
    endsAt: string(),
    pointsPerHour: number(),
    category: string().optional(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ shiftId }) => ({ pk: `SHIFT#${shiftId}`, sk: 'SHIFT' }),
  timestamps: false,
});

const shiftsEndingOn = (day: string) => `ENDING#${day}`;

/** Sort key of the end-time index; the time is normalised so keys compare as instants. */
const endingOrder = (endsAt: string, shiftId: string) => `${new Date(endsAt).toISOString()}#${shiftId}`;

export const putShift = (shift: Shift) =>
  ShiftEntity.build(PutTransaction).item({
    ...shift,
    gsi1pk: shiftsEndingOn(endingDayOf(shift.endsAt)),
    gsi1sk: endingOrder(shift.endsAt, shift.shiftId),
  });

/** The shift without its index keys. */
const shiftOf = ({ gsi1pk: _pk, gsi1sk: _sk, ...shift }: FormattedItem<typeof ShiftEntity>): Shift => shift;

const findShift = async (shiftId: string): Promise<Shift | undefined> => {
  const { Item } = await ShiftEntity.build(GetItemCommand).key({ shiftId }).options({ consistent: true }).send();
  return Item && shiftOf(Item);
};

/** The shift, or 404 SHIFT_NOT_FOUND when the directory has not heard of it. */
export const getShift = async (shiftId: string): Promise<Shift> => {
  const shift = await findShift(shiftId);
  if (!shift) throw notFound('shift', shiftId);
  return shift;
};

/** The shifts that ended inside the window, read from the end-time index (never a scan). */
export const shiftsEndedIn = async (window: SweepWindow): Promise<Shift[]> => {
  const perDay = await Promise.all(
    window.days.map(async (day) => {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(ShiftEntity)
        // `~` sorts after every shift id, so shifts ending exactly at `to` are included.
        .query({ index: 'gsi1', partition: shiftsEndingOn(day), range: { between: [window.from, `${window.to}#~`] } })
        .options({ maxPages: Number.POSITIVE_INFINITY })
        .send();
      return Items.map(shiftOf);
    }),
  );
  return perDay.flat();
};
