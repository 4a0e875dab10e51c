import { seedActivities } from '@lianxin/activities/app/seed';
import { seedLedger } from '@lianxin/ledger/app/seed';
import { seedPeople } from '@lianxin/people/app/seed';
import { seedRedemption } from '@lianxin/redemption/app/seed';
import { activities, alliance, communities, grids, merchants, organizations, people, rewards, streets } from './district';

/** Volunteers who served before the demo starts (in-service party members, 双报到). */
const OPENING_BALANCES = [
  { userId: 'u-zhangwei', points: 260, memo: 'hours served in 2026 before the demo' },
  { userId: 'u-zhaomin', points: 180, memo: 'hours served in 2026 before the demo' },
  { userId: 'u-wufang', points: 95, memo: 'hours served in 2026 before the demo' },
];

/**
 * Seed the demo district through each service's own store (a service owns its table;
 * the seed only calls the service's seed function). Idempotent: safe to run twice.
 */
export const seedDemoDistrict = async (now: Date) => {
  const published = await seedActivities({ grids, organizations, activities, now });
  await seedRedemption({ alliance, merchants, rewards });
  await seedLedger(OPENING_BALANCES);
  await seedPeople({ streets, communities, grids, organizations, alliance, merchants, people });
  return { activities: Object.keys(published).length, rewards: rewards.length };
};
