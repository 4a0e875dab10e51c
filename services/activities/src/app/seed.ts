import { idFromKey } from '@lianxin/shared/ids';
import type { Audience } from '../domain/activity';
import type { GridEntry, OrganizationEntry } from '../domain/directory';
import { PublishActivityInput } from '../domain/publish';
import { saveGrid, saveOrganization } from '../store/directory';
import { publishPlanned } from './publishActivity';

/** A demo shift, placed relative to the seeding time so the demo always has one running. */
export interface SeedShift { offsetMinutes: number; durationMinutes: number; capacity: number }

export interface SeedActivity {
  /** Stable business key: the activity's and its shifts' ids derive from it. */
  key: string;
  orgId: string;
  organizerId: string;
  title: string;
  description: string;
  category: string;
  gridId: string;
  address: string;
  pointsPerHour: number;
  audience: Audience;
  skills: string[];
  shifts: SeedShift[];
}

export interface SeedInput { grids: GridEntry[]; organizations: OrganizationEntry[]; activities: SeedActivity[]; now: Date }

export interface SeededActivity { activityId: string; shiftIds: string[] }

const MINUTE = 60_000;

export const seedActivityId = (key: string) => idFromKey('act', key);
export const seedShiftId = (key: string, index: number) => idFromKey('sft', key, String(index));

const inputOf = (demo: SeedActivity, grid: GridEntry, now: Date): PublishActivityInput => {
  const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE).toISOString();
  return PublishActivityInput.parse({
    orgId: demo.orgId,
    title: demo.title,
    description: demo.description,
    category: demo.category,
    gridId: demo.gridId,
    address: demo.address,
    location: grid.center,
    pointsPerHour: demo.pointsPerHour,
    audience: demo.audience,
    skills: demo.skills,
    shifts: demo.shifts.map((s) => ({ startsAt: at(s.offsetMinutes), endsAt: at(s.offsetMinutes + s.durationMinutes), capacity: s.capacity })),
  });
};

/**
 * The demo district's directory and activities, published through the same path as
 * `POST /activities` (so `ActivityPublished` lands in the outbox). Idempotent: ids derive
 * from each activity's key, and an activity already there is left as it is.
 * Returns the ids by demo key.
 */
export const seedActivities = async ({ grids, organizations, activities, now }: SeedInput): Promise<Record<string, SeededActivity>> => {
  await Promise.all([...grids.map(saveGrid), ...organizations.map(saveOrganization)]);
  const gridsById = new Map(grids.map((g) => [g.gridId, g]));
  const seeded: Record<string, SeededActivity> = {};
  for (const demo of activities) {
    const grid = gridsById.get(demo.gridId);
    if (!grid) throw new Error(`Demo activity ${demo.key} is in unknown grid ${demo.gridId}`);
    const ids = { activityId: seedActivityId(demo.key), shiftIds: demo.shifts.map((_, i) => seedShiftId(demo.key, i)) };
    await publishPlanned({ ...ids, orgId: demo.orgId, input: inputOf(demo, grid, now), createdBy: demo.organizerId }, now);
    seeded[demo.key] = ids;
  }
  return seeded;
};
