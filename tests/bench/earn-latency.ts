import { randomUUID } from 'node:crypto';
import { mintIdToken } from '@lianxin/shared/auth/token';
import { devIdentityKey } from '../../infra/src/identity/key';
import { localAuthEnv } from '../../infra/src/local/env';
import { type ApiClient, eventually, signIn, withToken } from '../support/api';
import { type Metric, percentile, round } from './stats';

const HOUR = 3_600_000;

/** Run `task` over `items` with at most `limit` in flight. */
const pool = async <T>(items: T[], limit: number, task: (item: T) => Promise<unknown>) => {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i]!);
  }));
};

/** A live activity with one big shift, published by the Youth League organizer. */
const publishBenchShift = async (organizer: ApiClient, capacity: number) => {
  const now = Date.now();
  const created = await organizer.post('/activities', {
    title: '基准测试活动', description: 'benchmark', category: '其他', gridId: 'g-hubin-1', address: 'bench',
    location: { lat: 29.7071, lng: 115.9869 }, pointsPerHour: 12, audience: 'everyone', skills: [],
    shifts: [{ startsAt: new Date(now - 10 * 60_000).toISOString(), endsAt: new Date(now + 4 * HOUR).toISOString(), capacity }],
  });
  if (created.status !== 201) throw new Error(`publish failed: ${JSON.stringify(created.body)}`);
  return { activityId: created.body.activityId as string, shiftId: created.body.shifts[0].shiftId as string };
};

/**
 * verify-hours → points-visible: an organizer verifies one checked-out hour log, and the
 * clock stops when the volunteer's `GET /me/points` shows the points. Everything between
 * is the real chain: hours outbox → stream → relay → bus → ledger consumer → commit.
 */
export const earnLatency = async (apiUrl: string, loops = 120): Promise<Metric[]> => {
  const organizer = await signIn(apiUrl, 'u-wangqing');
  const { activityId, shiftId } = await publishBenchShift(organizer, loops);
  // Bench volunteers are not demo people: sign their tokens with the local issuer's own key.
  const auth = localAuthEnv(Number(new URL(apiUrl).port));
  const volunteers = await Promise.all(
    Array.from({ length: loops }, async (_, i) =>
      withToken(apiUrl, await mintIdToken(
        { userId: `bench-${randomUUID().slice(0, 8)}-${i}`, name: `Bench ${i}`, roles: ['volunteer'], tags: [], scopes: [] },
        devIdentityKey(auth.DEV_IDENTITY_KEY_FILE),
        { issuer: auth.AUTH_ISSUER!, clientId: auth.AUTH_CLIENT_ID! },
      )),
    ),
  );
  await pool(volunteers, 8, async (v) => {
    const claim = await v.post(`/activities/${activityId}/shifts/${shiftId}/claims`);
    if (claim.status !== 201) throw new Error(`claim failed: ${JSON.stringify(claim.body)}`);
  });
  const code = (await eventually(() => organizer.post(`/shifts/${shiftId}/checkin-codes`), (r) => r.status === 201)).body.code;
  const logs: Array<{ v: ApiClient; hourLogId: string }> = [];
  await pool(volunteers, 8, async (v) => {
    const log = await eventually(() => v.post('/hours/check-in', { code }), (r) => r.status === 201);
    await v.post('/hours/check-out', { code });
    logs.push({ v, hourLogId: log.body.hourLogId });
  });

  const latencies: number[] = [];
  for (const { v, hourLogId } of logs) {
    const started = performance.now();
    const verified = await organizer.post(`/hours/${hourLogId}/verify`, { minutes: 60, note: 'benchmark hour' });
    if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
    await eventually(() => v.get('/me/points'), (r) => r.body.available === 12, 30_000);
    latencies.push(performance.now() - started);
  }
  return [50, 99].map((p) => ({
    name: `earn.verify_to_points_visible_p${p}`, value: round(percentile(latencies, p)), unit: 'ms', loops: latencies.length,
  }));
};
