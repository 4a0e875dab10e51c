import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DEMO_PASSWORD, people } from '../demo/district';
import { seedDemoDistrict } from '../demo/seed';
import { type LocalPool, cognitoClient, cognitoDefinitions, ensurePool, seedUsers } from './cognito/pool';
import { startDeadLetterSink } from './dead-letters';
import { startDynamoLocal, waitForPort } from './dynamo';
import { LOCAL_STAGE, localAuthEnv, localAwsEnv, localPorts } from './env';
import { killGroup, spawnGroup, stopGroup } from './processes';
import { createTables } from './tables';

export type Ports = ReturnType<typeof localPorts>;
/**
 * `persist.dir` keeps the data between starts (`npm start` only; tests and the bench start
 * from an empty store every time): DynamoDB Local's database in `dir/dynamodb`, the streams'
 * checkpoint and the dead letters beside it, and a marker once the demo district is seeded.
 */
export interface StackOptions { ports?: Partial<Ports>; portal?: boolean; persist?: { dir: string }; log?: (line: string) => void }
export interface Stack {
  ports: Ports; apiUrl: string; portalUrl: string; cognitoUrl: string; pool: LocalPool; messageBox: string; seeded: boolean;
  deadLetters: () => Promise<unknown[]>; stop(): Promise<void>;
}

const SERVICES = ['activities', 'hours', 'ledger', 'redemption', 'people'];
const ROOT = join(import.meta.dirname, '..', '..', '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const exists = (path: string) => access(path).then(() => true, () => false);

/** Where a stack keeps what it writes: its data dir, or throwaway files named by its API port. */
const filesOf = (tag: string, persist?: { dir: string }) =>
  persist
    ? {
        dynamodb: join(persist.dir, 'dynamodb'), checkpoint: join(persist.dir, 'streams-checkpoint.json'), deadLetters: join(persist.dir, 'dead-letters.jsonl'),
        seeded: join(persist.dir, 'demo-seeded.json'), cognito: join(persist.dir, 'cognito'), secrets: join(persist.dir, 'secrets.json'),
      }
    : {
        dynamodb: undefined, checkpoint: join(ROOT, '.local', `streams-${tag}.json`), deadLetters: join(ROOT, '.local', `dead-letters-${tag}.jsonl`),
        seeded: undefined, cognito: join(ROOT, '.local', `cognito-${tag}`), secrets: join(ROOT, '.local', `secrets-${tag}.json`),
      };

/**
 * The stage's secrets, made once per store and kept with it: the key of the ID card hashes
 * must outlive a restart, or a kept hash could never be compared again.
 */
const stageSecrets = async (file: string): Promise<{ ID_CARD_HASH_KEY: string }> => {
  const kept = await readFile(file, 'utf8').then((t) => JSON.parse(t) as { ID_CARD_HASH_KEY: string }, () => undefined);
  if (kept) return kept;
  const secrets = { ID_CARD_HASH_KEY: randomBytes(32).toString('base64url') };
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
};

/** The Lambda name serverless-offline serves the people service's token trigger under. */
const TOKEN_TRIGGER = `lianxin-${LOCAL_STAGE}-peopleTokenClaims`;

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
 * DynamoDB Local with every table from serverless.yml, the Cognito emulator, the seeded demo
 * district (its people as the emulator's users), a dead-letter sink, `osls offline` (HTTP, table streams → relay → bus → consumers), and
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
  const messageBox = join(files.cognito, 'messages.jsonl');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...localAwsEnv(ports),
    DEV_MESSAGE_BOX_FILE: messageBox,
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
  const seedIfNew = async (pool: LocalPool) => {
    if (files.seeded && (await exists(files.seeded))) {
      log(`kept data in ${options.persist!.dir}: the demo district is not seeded again`);
      return false;
    }
    const seeded = await seedDemoDistrict(new Date());
    await seedUsers(cognitoClient(`http://127.0.0.1:${ports.cognito}`), pool, people, DEMO_PASSWORD);
    log(`seeded ${seeded.activities} activities, ${seeded.rewards} rewards`);
    if (files.seeded) await writeFile(files.seeded, JSON.stringify({ at: new Date().toISOString(), ...seeded }));
    return true;
  };

  /**
   * The Cognito emulator with its pool and portal client (kept with the store, or new), and
   * the environment that makes every process trust it. Its token trigger is a function of
   * `osls offline`, so tokens can be issued once the functions are up.
   */
  const startIdentity = async () => {
    await mkdir(files.cognito, { recursive: true });
    const emulator = spawnGroup(bin('tsx'), [join(ROOT, 'infra', 'src', 'local', 'cognito', 'emulator.ts')], {
      cwd: ROOT,
      env: {
        ...env,
        COGNITO_PORT: String(ports.cognito),
        COGNITO_DATA_DIR: files.cognito,
        COGNITO_LAMBDA_ENDPOINT: `http://127.0.0.1:${ports.lambda}`,
        COGNITO_TOKEN_TRIGGER: TOKEN_TRIGGER,
        COGNITO_SMS_TEMPLATE: cognitoDefinitions().UserPool.Properties.SmsVerificationMessage,
        // The emulator is built on the AWS SDK v2, which warns that it is out of support on every start.
        NODE_NO_WARNINGS: '1',
      },
      log,
      name: 'cognito',
    });
    storage.push(emulator);
    await waitForPort(ports.cognito, 30_000);
    const pool = await ensurePool(cognitoClient(`http://127.0.0.1:${ports.cognito}`), join(files.cognito, 'pool.json'));
    const auth = { ...localAuthEnv(ports.cognito, pool), ...(await stageSecrets(files.secrets)) };
    Object.assign(process.env, auth);
    Object.assign(env, auth, { COGNITO_LOCAL_URL: `http://127.0.0.1:${ports.cognito}`, VITE_COGNITO_CLIENT_ID: pool.clientId, VITE_COGNITO_ENDPOINT: '/cognito', VITE_COGNITO_REGION: 'ap-east-1', VITE_STAGE: LOCAL_STAGE });
    return pool;
  };

  /** DynamoDB Local, the tables from serverless.yml, the emulator, the demo district, the dead-letter sink. */
  const startStorage = async () => {
    Object.assign(process.env, localAwsEnv(ports), { DEV_MESSAGE_BOX_FILE: messageBox });
    // A throwaway store starts with no checkpoint, dead letters or users from an earlier run.
    if (!options.persist) await Promise.all([files.checkpoint, files.deadLetters, files.cognito, files.secrets].map((f) => rm(f, { recursive: true, force: true })));
    storage.push(await startDynamoLocal(ports.dynamodb, files.dynamodb));
    await createTables(new DynamoDBClient({}), LOCAL_STAGE);
    const pool = await startIdentity();
    const seeded = await seedIfNew(pool);
    const sink = await startDeadLetterSink(ports.deadLetters, files.deadLetters);
    closers.push(sink.close);
    return { sink, seeded, pool };
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
      const { sink, seeded, pool } = await startStorage();
      await startFunctions(apiUrl);
      if (options.portal) await startPortal();
      return {
        ports, apiUrl, portalUrl: `http://127.0.0.1:${ports.portal}`, cognitoUrl: `http://127.0.0.1:${ports.cognito}`, pool, messageBox, seeded,
        deadLetters: async () => sink.letters, stop,
      };
    } catch (error) {
      await stop();
      throw error;
    }
  };
  return { start, stop, crash };
};

export const startStack = (options: StackOptions = {}): Promise<Stack> => createStack(options).start();
