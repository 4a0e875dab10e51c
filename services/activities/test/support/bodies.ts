import type { Principal, Tag } from '@lianxin/shared/auth/principal';
import { person } from '@lianxin/shared/testing';

/** Pure test data: request bodies, people and times (no storage). */
export const volunteer = (...tags: Tag[]): Principal => person({ roles: ['volunteer'], tags });

const HOUR = 3_600_000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** A valid `POST /activities` body in the given grid. */
export const activityBody = (gridId: string, overrides: Record<string, unknown> = {}) => ({
  title: '湖滨环境清洁日',
  description: '清理湖滨步道垃圾。',
  category: '环境',
  gridId,
  address: '湖滨路步道入口',
  location: { lat: 29.7071, lng: 115.9869 },
  pointsPerHour: 10,
  audience: 'everyone',
  skills: [],
  shifts: [{ startsAt: hoursFromNow(24), endsAt: hoursFromNow(26), capacity: 5 }],
  ...overrides,
});
