import type { ChildProcess } from 'node:child_process';
import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { seedDemoDistrict } from '../demo/seed';
import { startDeadLetterSink } from './dead-letters';
import { startDynamoLocal, waitForPort } from './dynamo';
import { LOCAL_STAGE, localAwsEnv, localPorts } from './env';
import { killGroup, spawnGroup, stopGroup } from './processes';
import { createTables } from './tables';

export type Ports = ReturnType<typeof localPorts>;
/**
 * `persist.dir` keeps the data between starts (`npm start` only; tests and the bench start
 * from an empty store every time): DynamoDB Local's database in `dir/dynamodb`, the streams'
 * checkpoint and the dead letters beside it, and a marker once the demo district is seeded.
 */
export interface StackOptions { ports?: Partial<Ports>; portal?: boolean; persist?: { dir: string }; log?: (line: string) => void }
export interface Stack { ports: Ports; apiUrl: string; portalUrl: string; seeded: boolean; deadLetters: () => Promise<unknown[]>; stop(): Promise<void> }

const SERVICES = ['activities', 'hours', 'ledger', 'redemption'];
const ROOT = join(import.meta.dirname, '..', '..', '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const exists = (path: string) => access(path).then(() => true, () => false);

/** Where a stack keeps what it writes: its data dir, or throwaway files named by its API port. */
const filesOf = (tag: string, persist?: { dir: string }) =>
  persist
    ? { dynamodb: join(persist.dir, 'dynamodb'), checkpoint: join(persist.dir, 'streams-checkpoint.json'), deadLetters: join(persist.dir, 'dead-letters.jsonl'), seeded: join(persist.dir, 'demo-seeded.json') }
    : { dynamodb: undefined, checkpoint: join(ROOT, '.local', `streams-${tag}.json`), deadLetters: join(ROOT, '.local', `dead-letters-${tag}.jsonl`), seeded: undefined };

/** Poll `url` until it answers 200 (the API is up and its tables are reachable). */
const waitForHttp = async (url: string, timeoutMs: number, failed: () => string | undefined) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = failed();
    if (why) throw new Error(why);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
};

/**
 * The whole local runtime, as `npm start` runs it and as the end-to-end tests use it:
 * DynamoDB Local with every table from serverless.yml, the seeded demo district, a
 * dead-letter sink, `osls offline` (HTTP, table streams → relay → bus → consumers), and
 * optionally the portal. `stop()` ends every process it started; `crash()` kills them.
 *
 * Why a kill loses no event that a 2xx answer stands for, with `persist`: the event is an
 * outbox item committed with the change, and its stream record is in the same SQLite file
 * (DynamoDB Local keeps stream records, the stream ARN and the shard across restarts). The
 * streams plugin moves its checkpoint past a batch only once the relay has returned, and
 * the local bus answers PutEvents only once every consumer has run or dead-lettered the
 * event, so nothing is held only in memory: a kill leaves the checkpoint at or before the
 * first event not fully consumed, and the restart relays from there. Consumers apply each
 * event once (inbox), so the batch in flight at the kill may safely arrive twice. Hence no
 * outbox replay on start: the kept checkpoint is exact.
 */
export const createStack = (options: StackOptions = {}) => {
  const ports: Ports = { ...localPorts(), ...options.ports };
  const log = options.log ?? (() => undefined);
  const tag = String(ports.api);
  const files = filesOf(tag, options.persist);
  const env = {
    ...process.env,
    ...localAwsEnv(ports),
    API_PORT: String(ports.api),
    LAMBDA_PORT: String(ports.lambda),
    EVENTBRIDGE_PORT: String(ports.eventbridge),
    DEAD_LETTER_ENDPOINT: `http://127.0.0.1:${ports.deadLetters}`,
    PORTAL_PORT: String(ports.portal),
    // Separate build and checkpoint folders let a test stack run beside `npm start`.
    ESBUILD_WORK_FOLDER: `.esbuild-${tag}`,
    STREAMS_CHECKPOINT_FILE: files.checkpoint,
  };
  // DynamoDB Local stops after the functions that use it, so none sees it vanish first.
  const storage: ChildProcess[] = [];
  const children: ChildProcess[] = [];
  const closers: Array<() => Promise<void>> = [];
  // Usable from the first spawn on, so a Ctrl-C during start-up leaves no orphans.
  const stop = async () => {
    await Promise.all(children.splice(0).map((c) => stopGroup(c)));
    await Promise.all(storage.splice(0).map((c) => stopGroup(c)));
    for (const close of closers.splice(0).reverse()) await close();
  };
  /** Every process at once with SIGKILL: what survives is what was on disk (restart tests). */
  const crash = async () => {
    await Promise.all([...children.splice(0), ...storage.splice(0)].map((c) => killGroup(c)));
    for (const close of closers.splice(0).reverse()) await close();
  };

  /**
   * The demo district goes only into a new store: a kept store holds people's own changes.
   * The marker is written once seeding has finished, so a start interrupted while seeding
   * seeds again (the seed is idempotent) rather than leaving half a district.
   */
  const seedIfNew = async () => {
    if (files.seeded && (await exists(files.seeded))) {
      log(`kept data in ${options.persist!.dir}: the demo district is not seeded again`);
      return false;
    }
    const seeded = await seedDemoDistrict(new Date());
    log(`seeded ${seeded.activities} activities, ${seeded.rewards} rewards`);
    if (files.seeded) await writeFile(files.seeded, JSON.stringify({ at: new Date().toISOString(), ...seeded }));
    return true;
  };

  /** DynamoDB Local, the tables from serverless.yml, the demo district, the dead-letter sink. */
  const startStorage = async () => {
    Object.assign(process.env, localAwsEnv(ports));
    // A throwaway store starts with no checkpoint and no dead letters from an earlier run.
    if (!options.persist) await Promise.all([files.checkpoint, files.deadLetters].map((f) => rm(f, { force: true })));
    storage.push(await startDynamoLocal(ports.dynamodb, files.dynamodb));
    await createTables(new DynamoDBClient({}), LOCAL_STAGE);
    const seeded = await seedIfNew();
    const sink = await startDeadLetterSink(ports.deadLetters, files.deadLetters);
    closers.push(sink.close);
    return { sink, seeded };
  };

  /** `osls offline`: HTTP, streams → relay → bus → consumers; ready once every service answers. */
  const startFunctions = async (apiUrl: string) => {
    const offline = spawnGroup(bin('osls'), ['offline', 'start', '--stage', LOCAL_STAGE], { cwd: ROOT, env, log, name: 'api' });
    children.push(offline);
    const offlineDied = () => (offline.exitCode !== null ? `osls offline exited (code ${offline.exitCode})` : undefined);
    await waitForHttp(`${apiUrl}/health`, 120_000, offlineDied);
    // Cold-start each service's HTTP function now rather than on a person's first click.
    for (const service of SERVICES) await waitForHttp(`${apiUrl}/${service}/openapi.json`, 60_000, offlineDied);
  };

  const startPortal = async () => {
    const vite = spawnGroup(bin('vite'), ['--port', String(ports.portal), '--strictPort', '--host', '127.0.0.1'], { cwd: join(ROOT, 'frontend'), env, log, name: 'portal' });
    children.push(vite);
    await waitForPort(ports.portal, 60_000);
  };

  const start = async (): Promise<Stack> => {
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    try {
      const { sink, seeded } = await startStorage();
      await startFunctions(apiUrl);
      if (options.portal) await startPortal();
      return { ports, apiUrl, portalUrl: `http://127.0.0.1:${ports.portal}`, seeded, deadLetters: async () => sink.letters, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  };
  return { start, stop, crash };
};

export const startStack = (options: StackOptions = {}): Promise<Stack> => createStack(options).start();
