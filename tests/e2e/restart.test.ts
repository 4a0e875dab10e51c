import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ports, type Stack, createStack } from '../../infra/src/local/stack';
import { type ApiClient, eventually, signIn, withToken } from '../support/api';
import { passwordSignIn, signUp } from '../support/cognito';
import { type Answered, type Write, burstThenKill } from '../support/restart/burst';

/**
 * `npm start` keeps its data on disk: this file runs its own persistent stack (its own ports
 * and a temporary data dir, beside the suite's shared stack), kills every process of it with
 * SIGKILL in the middle of a burst of writes, starts it again on the same data dir and checks
 * that every write answered with a 2xx is there and its events went the whole chain.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const PORTS = Object.fromEntries(
  Object.entries({ dynamodb: 8300, api: 3300, lambda: 3302, eventbridge: 4300, deadLetters: 4320, portal: 5300, cognito: 9300 }).map(([k, v]) => [k, v + offset]),
) as Ports;
const ROOT = join(import.meta.dirname, '..', '..');
const ORGANIZER = 'u-lihong';
/** Claim the live shift, check in and out before the burst; their hours are verified in it. */
const WORKERS = ['u-chenjing', 'u-liuyang', 'u-sunli', 'u-zhoujie'];
/** Volunteers with opening balances (seeded): they redeem in the burst. */
const SPENDERS = { 'u-zhangwei': 3, 'u-zhaomin': 2, 'u-wufang': 1 };
/** Claim tomorrow's shift in the burst. */
const CLAIMERS = ['u-fengxue', 'u-heping', 'u-zhengqiang'];
const REWARD = 'r-soap-set';
/** Signs up before the kill: their login lives in the emulator's files, their profile in DynamoDB. */
const NEWCOMER = { phone: '+8613700001234', name: '周新', password: 'restart2026' };

let dataDir: string;
let runtime: ReturnType<typeof createStack>;
let stack: Stack;
let logFile: ReturnType<typeof createWriteStream>;
/** The runtime's own log, for when a test fails: .local/restart-stack.log. */
const start = async () => {
  runtime = createStack({ ports: PORTS, persist: { dir: dataDir }, log: (line) => logFile.write(`${new Date().toISOString()} ${line}\n`) });
  stack = await runtime.start();
  return stack;
};
const clients = async (ids: string[]) => Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await signIn(stack.apiUrl, id)] as const)));

const flow: { activityId?: string; shiftIds?: string[]; hourLogs: Record<string, string>; answered: Answered[]; inFlightAtKill: number } = { hourLogs: {}, answered: [], inFlightAtKill: 0 };

beforeAll(async () => {
  await mkdir(join(ROOT, '.local'), { recursive: true });
  logFile = createWriteStream(join(ROOT, '.local', 'restart-stack.log'));
  dataDir = await mkdtemp(join(tmpdir(), 'lianxin-restart-'));
});

afterAll(async () => {
  await runtime?.stop();
  logFile?.end();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start keeps the district across a kill in the middle of a flow', () => {
  it('seeds the demo district into a new data dir', async () => {
    expect((await start()).seeded).toBe(true);
  }, 200_000);

  it('signs a newcomer up, with a profile, before the burst', async () => {
    const tokens = await signUp(stack.apiUrl, NEWCOMER.phone, NEWCOMER.name, NEWCOMER.password);
    const me = withToken(stack.apiUrl, tokens.idToken);
    const { version } = (await me.get('/people/me')).body.privacyNotice;
    expect((await me.post('/people/me/consents', { version })).status).toBe(200);
    expect((await me.put('/people/me/profile', { displayName: NEWCOMER.name, gridId: 'g-hubin-2', skills: [], availability: ['weekend'] })).status).toBe(200);
  });

  it('checks volunteers in and out of the live shift before the burst', async () => {
    const people = await clients([ORGANIZER, ...WORKERS]);
    const list = await people[ORGANIZER]!.get('/activities?gridId=g-hubin-1');
    const activity = list.body.items.find((a: { title: string }) => a.title === '湖滨环境清洁日');
    flow.activityId = activity.activityId;
    flow.shiftIds = activity.shifts.map((s: { shiftId: string }) => s.shiftId);
    for (const id of WORKERS) expect((await people[id]!.post(`/activities/${flow.activityId}/shifts/${flow.shiftIds![0]}/claims`)).status).toBe(201);
    const code = await eventually(() => people[ORGANIZER]!.post(`/shifts/${flow.shiftIds![0]}/checkin-codes`), (r) => r.status === 201);
    for (const id of WORKERS) {
      const checkIn = await eventually(() => people[id]!.post('/hours/check-in', { code: code.body.code }), (r) => r.status === 201);
      flow.hourLogs[id] = checkIn.body.hourLogId;
      expect((await people[id]!.post('/hours/check-out', { code: code.body.code })).status).toBe(200);
    }
  });

  it('answers writes of every kind until every process is killed mid-burst', async () => {
    const people = await clients([ORGANIZER, ...Object.keys(SPENDERS), ...CLAIMERS]);
    const writes: Write[] = [
      ...WORKERS.map((id) => ({ kind: 'verify', userId: id, send: () => people[ORGANIZER]!.post(`/hours/${flow.hourLogs[id]}/verify`, { minutes: 60, note: 'restart test' }) })),
      ...Object.entries(SPENDERS).flatMap(([id, times]) => Array.from({ length: times }, () => ({ kind: 'redeem', userId: id, send: () => people[id]!.post(`/rewards/${REWARD}/redemptions`) }))),
      ...CLAIMERS.map((id) => ({ kind: 'claim', userId: id, send: () => people[id]!.post(`/activities/${flow.activityId}/shifts/${flow.shiftIds![1]}/claims`) })),
    ];
    const { answered, inFlightAtKill } = await burstThenKill(writes, 5, runtime.crash);
    Object.assign(flow, { answered, inFlightAtKill });
    expect(answered.length).toBeGreaterThanOrEqual(5);
    // The kill came while writes were still being answered, not after the load was over.
    expect(inFlightAtKill).toBeGreaterThan(0);
  });

  it('starts again on the same data dir without seeding the demo district again', async () => {
    expect((await start()).seeded).toBe(false);
  }, 200_000);

  it('keeps every write answered with a 2xx and delivers each of its events', async () => {
    const ids = [ORGANIZER, ...new Set(flow.answered.map((a) => a.userId))];
    const people: Record<string, ApiClient> = await clients(ids);
    for (const write of flow.answered) {
      const person = people[write.userId]!;
      if (write.kind === 'claim') {
        const mine = await person.get('/me/claims');
        expect(mine.body.items.map((c: { claimId: string }) => c.claimId)).toContain(write.body.claimId);
      }
      if (write.kind === 'verify') {
        // HoursVerified reached the ledger: the worker earned for exactly this hour log.
        const statement = await eventually(() => person.get('/me/points/transactions'), (r) => r.body.items.some((e: { transferId: string }) => e.transferId === `earn:${flow.hourLogs[write.userId]}`), 60_000);
        expect(statement.status).toBe(200);
      }
      if (write.kind === 'redeem') {
        // RedemptionRequested reached the ledger and PointsHeld came back.
        const held = await eventually(() => person.get(`/redemptions/${write.body.redemptionId}`), (r) => r.body.status === 'held', 60_000);
        expect(held.body.code).toMatch(/^\d{8}$/);
      }
    }
    const claims = flow.answered.filter((a) => a.kind === 'claim').length;
    const tomorrow = await people[ORGANIZER]!.get(`/activities/${flow.activityId}`);
    // The shift's count kept every claim answered (and perhaps one whose answer the kill took).
    expect(tomorrow.body.shifts[1].confirmed).toBeGreaterThanOrEqual(claims);
  }, 120_000);

  it('keeps the newcomer: their login at the Cognito emulator and their profile', async () => {
    const me = withToken(stack.apiUrl, (await passwordSignIn(stack.apiUrl, NEWCOMER.phone, NEWCOMER.password)).idToken);
    const profile = (await me.get('/people/me')).body;
    expect(profile).toMatchObject({ status: 'active', profile: { displayName: NEWCOMER.name, gridId: 'g-hubin-2' } });
  });

  it('leaves a ledger whose every invariant holds and no dead letters', async () => {
    const admin = await signIn(stack.apiUrl, 'u-admin');
    const audit = await eventually(() => admin.get('/ledger/audit'), (r) => r.body.ok === true, 60_000);
    expect(audit.body.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(await stack.deadLetters()).toEqual([]);
  }, 90_000);
});
