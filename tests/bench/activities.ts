import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { type Metric, percentile, round, throughput } from './stats';

/**
 * Activities benchmarks, in-process through the service's real HTTP app (validation, auth,
 * idempotency, transactions) on DynamoDB Local. Service modules are imported lazily, once
 * the caller has pointed the environment at the bench's DynamoDB Local.
 */
const load = async () => {
  const [{ createApp }, { saveGrid, saveOrganization }, { caller, person }] = await Promise.all([
    import('../../services/activities/src/http/app'),
    import('../../services/activities/src/store/directory'),
    import('@lianxin/shared/testing'),
  ]);
  return { app: createApp(), saveGrid, saveOrganization, caller, person };
};

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const CENTER = { lat: 29.7071, lng: 115.9869 };

/** A bench district: `gridCount` grids spread over about 10 km × 10 km, one organization over all. */
const district = async (gridCount: number) => {
  const { saveGrid, saveOrganization, person } = await load();
  const tag = randomUUID().slice(0, 8);
  const grids = Array.from({ length: gridCount }, (_, i) => ({
    gridId: `g-bench-${tag}-${i}`, communityId: `c-bench-${tag}-${i % 10}`, streetId: `s-bench-${tag}`,
    center: { lat: CENTER.lat + (Math.random() - 0.5) * 0.09, lng: CENTER.lng + (Math.random() - 0.5) * 0.1 },
  }));
  const org = { orgId: `org-bench-${tag}`, gridIds: grids.map((g) => g.gridId) };
  await Promise.all([...grids.map(saveGrid), saveOrganization(org)]);
  return { grids, organizer: person({ roles: ['organizer'], scopes: [`org:${org.orgId}`] }) };
};

const activityBody = (grid: { gridId: string; center: { lat: number; lng: number } }, capacity: number) => ({
  title: '基准测试活动', description: 'bench', category: '环境', gridId: grid.gridId, address: 'bench',
  location: { lat: grid.center.lat + (Math.random() - 0.5) * 0.004, lng: grid.center.lng + (Math.random() - 0.5) * 0.004 },
  pointsPerHour: 10, audience: 'everyone', skills: [], shifts: [{ startsAt: at(24), endsAt: at(26), capacity }],
});

/** 1,000 volunteers claim one 50-place shift at once: exactly 50 confirmed, none overbooked, the rest waitlisted (or BUSY, never an error). */
export const claimRush = async (claims = 1000, capacity = 50): Promise<Metric[]> => {
  const { app, caller, person } = await load();
  const { grids, organizer } = await district(1);
  const created = await caller(app, organizer)('POST', '/activities', { body: activityBody(grids[0]!, capacity) });
  const path = `/activities/${created.body.activityId}/shifts/${created.body.shifts[0].shiftId}/claims`;
  const latencies: number[] = [];
  const answers = await Promise.all(
    Array.from({ length: claims }, async (_, i) => {
      const started = performance.now();
      const res = await caller(app, person({ roles: ['volunteer'] }))('POST', path, { body: {}, idempotencyKey: `rush-${i}` });
      latencies.push(performance.now() - started);
      return res;
    }),
  );
  const shift = (await caller(app, organizer)('GET', `/activities/${created.body.activityId}`)).body.shifts[0];
  const confirmed = answers.filter((a) => a.status === 201).length;
  const positions = answers.filter((a) => a.status === 202).map((a) => a.body.position as number);
  return [
    { name: 'activities.claim_rush.confirmed', value: confirmed, unit: 'claims', capacity, claims },
    { name: 'activities.claim_rush.overbooked', value: Math.max(0, shift.confirmed - capacity), unit: 'claims', stored_confirmed: shift.confirmed },
    {
      name: 'activities.claim_rush.waitlisted', value: positions.length, unit: 'claims',
      // At most one per waiting claim (1 is next in line).
      max_position: Math.max(0, ...positions),
      busy: answers.filter((a) => a.status === 503 && a.body?.error?.code === 'BUSY' && a.headers.get('retry-after')).length,
      errors: answers.filter((a) => a.status >= 500 && a.status !== 503).length,
    },
    { name: 'activities.claim_rush.p50', value: round(percentile(latencies, 50)), unit: 'ms' },
    { name: 'activities.claim_rush.p99', value: round(percentile(latencies, 99)), unit: 'ms' },
  ];
};

/** The storage ceiling a claim is compared with: a conditional UpdateItem, 16 callers. */
export const rawConditionalUpdates = async (tableName: string, total = 3000): Promise<Metric> => {
  const client = new DynamoDBClient({});
  const update = (i: number) =>
    client.send(new UpdateItemCommand({
      TableName: tableName, Key: { pk: { S: `BENCH#U${i % 64}` }, sk: { S: 'BENCH' } },
      UpdateExpression: 'ADD confirmed :one', ConditionExpression: 'attribute_not_exists(confirmed) OR confirmed < :cap',
      ExpressionAttributeValues: { ':one': { N: '1' }, ':cap': { N: String(total) } },
    }));
  await throughput(16, 200, update);
  const { perSecond } = await throughput(16, total, update);
  return { name: 'dynamodb_local.conditional_update_item_per_s', value: round(perSecond), unit: 'updates/s', callers: 16 };
};

/** Claims/s by distinct volunteers on roomy shifts, 16 callers, against the raw ceiling. */
export const claimThroughput = async (rawUpdates: number, total = 1000): Promise<Metric> => {
  const { app, caller, person } = await load();
  const { grids, organizer } = await district(1);
  const created = await caller(app, organizer)('POST', '/activities', { body: activityBody(grids[0]!, 500) });
  const shifts = await Promise.all(Array.from({ length: Math.ceil(total / 500) }, async () =>
    (await caller(app, organizer)('POST', '/activities', { body: activityBody(grids[0]!, 500) })).body));
  const targets = [created.body, ...shifts];
  const { perSecond } = await throughput(16, total, (i) => {
    const a = targets[i % targets.length];
    return caller(app, person({ roles: ['volunteer'] }))('POST', `/activities/${a.activityId}/shifts/${a.shifts[0].shiftId}/claims`, { body: {}, idempotencyKey: `tp-${i}` });
  });
  return { name: 'activities.claims_per_s', value: round(perSecond), unit: 'claims/s', baseline: rawUpdates, ratio: round(perSecond / rawUpdates, 3), callers: 16 };
};

/** Near-me over `count` published activities: p50/p99 of `GET /activities?near=…&radiusM=1200`. */
export const nearMeDiscovery = async (count = 10_000, queries = 200): Promise<Metric[]> => {
  const { app, caller, person } = await load();
  const { grids, organizer } = await district(100);
  const publish = caller(app, organizer);
  await throughput(16, count, async (i) => {
    const res = await publish('POST', '/activities', { body: activityBody(grids[i % grids.length]!, 10) });
    if (res.status !== 201) throw new Error(`seeding failed: ${JSON.stringify(res.body)}`);
  });
  const look = caller(app, person({ roles: ['volunteer'] }));
  const sizes: number[] = [];
  const { latencies } = await throughput(4, queries, async () => {
    const g = grids[Math.floor(Math.random() * grids.length)]!;
    const res = await look('GET', `/activities?near=${g.center.lat},${g.center.lng}&radiusM=1200&limit=20`);
    if (res.status !== 200) throw new Error(`near-me failed: ${JSON.stringify(res.body)}`);
    sizes.push(res.body.items.length);
  });
  return [50, 99].map((p) => ({
    name: `activities.near_me_p${p}`, value: round(percentile(latencies, p)), unit: 'ms',
    activities: count, queries, mean_results: round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
  }));
};
