import { Entity, GetItemCommand, PutTransaction, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Interval } from '../domain/waitlist';
import { keys } from './keys';
import { table } from './table';

/**
 * No double-booking, also under concurrency: every claim or cancellation of a volunteer
 * rewrites their one schedule item on the condition that its `version` is still the one
 * read. Two claims of one volunteer racing for overlapping shifts (in different shift
 * partitions, so nothing else makes them collide) cannot both commit: the second fails
 * this condition, re-reads the schedule, and then sees the overlap.
 * Bookings are the shifts held or waited for; past ones are dropped on each write.
 */
export const ScheduleEntity = new Entity({
  name: 'Schedule',
  table,
  schema: item({
    volunteerId: string().key(),
    version: number(),
    bookings: list(map({ shiftId: string(), activityId: string(), startsAt: string(), endsAt: string() })),
  }),
  computeKey: ({ volunteerId }) => keys.schedule(volunteerId),
  timestamps: false,
});

export interface Booking extends Interval { shiftId: string; activityId: string }

export interface Schedule { volunteerId: string; version: number; bookings: Booking[] }

export const readSchedule = async (volunteerId: string): Promise<Schedule> => {
  const { Item } = await ScheduleEntity.build(GetItemCommand).key({ volunteerId }).options({ consistent: true }).send();
  return Item ?? { volunteerId, version: 0, bookings: [] };
};

/** The schedule with `bookings`, written only if nobody changed it since `read`. */
export const scheduleWrite = (read: Schedule, bookings: Booking[], now: Date) =>
  ScheduleEntity.build(PutTransaction)
    .item({ volunteerId: read.volunteerId, version: read.version + 1, bookings: bookings.filter((b) => Date.parse(b.endsAt) > now.getTime()) })
    .options({ condition: read.version === 0 ? { attr: 'version', exists: false } : { attr: 'version', eq: read.version } });
