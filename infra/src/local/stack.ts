import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { seedDemoDistrict } from '../demo/seed';
import { startDeadLetterSink } from './dead-letters';
import { startDynamoLocal, waitForPort } from './dynamo';
import { LOCAL_STAGE, localAwsEnv, localPorts } from './env';
import { spawnGroup, stopGroup } from './processes';
import { createTables } from './tables';

export type Ports = ReturnType<typeof localPorts>;
export interface StackOptions { ports?: Partial<Ports>; portal?: boolean; log?: (line: string) => void }
export interface Stack { ports: Ports; apiUrl: string; portalUrl: string; deadLetters: () => Promise<unknown[]>; stop(): Promise<void> }

const SERVICES = ['activities', 'hours', 'ledger', 'redemption'];
const ROOT = join(import.meta.dirname, '..', '..', '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

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
 * optionally the portal. `stop()` ends every process it started.
 */
export const createStack = (options: StackOptions = {}) => {
  const ports: Ports = { ...localPorts(), ...options.ports };
  const log = options.log ?? (() => undefined);
  const tag = String(ports.api);
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
    STREAMS_CHECKPOINT_FILE: `.local/streams-${tag}.json`,
  };
  const children: ChildProcess[] = [];
  const closers: Array<() => Promise<void>> = [];
  // Usable from the first spawn on, so a Ctrl-C during start-up leaves no orphans.
  const stop = async () => {
    await Promise.all(children.splice(0).reverse().map((c) => stopGroup(c)));
    for (const close of closers.splice(0).reverse()) await close();
  };

  /** DynamoDB Local, the tables from serverless.yml, the demo district, the dead-letter sink. */
  const startStorage = async () => {
    Object.assign(process.env, localAwsEnv(ports));
    const dynamo = await startDynamoLocal(ports.dynamodb);
    closers.push(async () => {
      dynamo.kill();
    });
    await createTables(new DynamoDBClient({}), LOCAL_STAGE);
    const seeded = await seedDemoDistrict(new Date());
    log(`seeded ${seeded.activities} activities, ${seeded.rewards} rewards`);
    const sink = await startDeadLetterSink(ports.deadLetters, join(ROOT, '.local', `dead-letters-${tag}.jsonl`));
    closers.push(sink.close);
    return sink;
  };

  /** `osls offline`: HTTP, streams → relay → bus → consumers; ready once every service answers. */
  const startFunctions = async (apiUrl: string) => {
    await rm(join(ROOT, env.STREAMS_CHECKPOINT_FILE), { force: true });
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
      const sink = await startStorage();
      await startFunctions(apiUrl);
      if (options.portal) await startPortal();
      return { ports, apiUrl, portalUrl: `http://127.0.0.1:${ports.portal}`, deadLetters: async () => sink.letters, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  };
  return { start, stop };
};

export const startStack = (options: StackOptions = {}): Promise<Stack> => createStack(options).start();
