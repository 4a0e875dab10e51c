import { type ApiClient, eventually, signIn, withToken } from '../support/api';
import { createConfirmedUser, getUser, passwordSignIn } from '../support/cognito';
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

const BENCH_PASSWORD = 'Bench2026pw';
const benchPhone = (i: number) => `+8615${String(Date.now() % 1e5).padStart(5, '0')}${String(i).padStart(4, '0')}`;

/** Bench volunteers are people of the emulator like anyone else; each signs in once. */
const benchVolunteers = async (apiUrl: string, count: number): Promise<string[]> => {
  const phones = Array.from({ length: count }, (_, i) => benchPhone(i));
  await pool(phones, 8, (phone) => createConfirmedUser(apiUrl, phone, 'Bench', BENCH_PASSWORD));
  const tokens: string[] = [];
  await pool(phones, 8, async (phone) => tokens.push((await passwordSignIn(apiUrl, phone, BENCH_PASSWORD)).idToken));
  return tokens;
};

/**
 * Sign-in latency: USER_PASSWORD_AUTH at the local Cognito emulator, which runs the people
 * service's pre-token-generation trigger (a Lambda of osls offline reading the person's
 * grants) before it signs the ID token. Baseline in the same run: the same sign-in with the
 * trigger's work excluded is not possible, so the baseline is the emulator's cheapest call
 * (GetUser with the access token: an HTTP round trip, a lookup, no token, no trigger).
 */
export const signInLatency = async (apiUrl: string, loops = 60): Promise<Metric[]> => {
  const phone = benchPhone(9999);
  await createConfirmedUser(apiUrl, phone, 'Bench sign-in', BENCH_PASSWORD);
  const signIns: number[] = [];
  let accessToken = '';
  for (let i = 0; i < loops; i++) {
    const started = performance.now();
    accessToken = (await passwordSignIn(apiUrl, phone, BENCH_PASSWORD)).accessToken;
    signIns.push(performance.now() - started);
  }
  const baseline: number[] = [];
  for (let i = 0; i < loops; i++) {
    const started = performance.now();
    await getUser(apiUrl, accessToken);
    baseline.push(performance.now() - started);
  }
  const base = percentile(baseline, 50);
  return [
    { name: 'auth.emulator_get_user_p50', value: round(base), unit: 'ms', loops },
    ...[50, 95].map((p) => {
      const value = round(percentile(signIns, p));
      return { name: `auth.sign_in_p${p}`, value, unit: 'ms', loops, baseline: round(base), ratio: round(value / base, 2) };
    }),
  ];
};

/**
 * verify-hours → points-visible: an organizer verifies one checked-out hour log, and the
 * clock stops when the volunteer's `GET /me/points` shows the points. Everything between
 * is the real chain: hours outbox → stream → relay → bus → ledger consumer → commit.
 */
export const earnLatency = async (apiUrl: string, loops = 120): Promise<Metric[]> => {
  const organizer = await signIn(apiUrl, 'u-wangqing');
  const { activityId, shiftId } = await publishBenchShift(organizer, loops);
  const volunteers = (await benchVolunteers(apiUrl, loops)).map((token) => withToken(apiUrl, token));
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
