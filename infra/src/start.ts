/**
 * `npm start`: the whole platform on this machine with no cloud account and no Docker.
 * Ports come from DYNAMODB_PORT, API_PORT, LAMBDA_PORT, EVENTBRIDGE_PORT, DEAD_LETTER_PORT
 * and PORTAL_PORT (defaults 8000, 3000, 3002, 4010, 4020, 5173). Ctrl-C stops everything.
 * The district's data stays in .local/data between starts; `npm start -- --fresh` wipes it.
 */
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DEMO_PASSWORD, people } from './demo/district';
import { watchMessages } from './local/cognito/messageBox';
import { type Stack, createStack } from './local/stack';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA_DIR = join(ROOT, '.local', 'data');
const shownDir = relative(process.cwd(), DATA_DIR) || DATA_DIR;

const verbose = process.env.LOG_LEVEL === 'debug';
const say = (line = '') => process.stdout.write(`${line}\n`);

const banner = (stack: Stack) => {
  say();
  say('连心 Lianxin is running — 浔阳区 demo district');
  const portal = `http://localhost:${stack.ports.portal}`;
  const api = `http://localhost:${stack.ports.api}`;
  say(`  Portal  门户   ${portal}`);
  say(`  API     接口   ${api}   (health: ${api}/health)`);
  say(`  OpenAPI        ${api}/activities/openapi.json  /hours/…  /ledger/…  /redemption/…  /people/…`);
  say(`  SMS box 短信   ${portal}/dev/messages   (codes the Cognito emulator sends; also printed below)`);
  say(`  Cognito        ${stack.cognitoUrl}   user pool ${stack.pool.userPoolId}, portal client ${stack.pool.clientId}`);
  say(`  Data    数据   ${shownDir} — ${stack.seeded ? 'new store, demo district seeded' : 'kept from the last start'} (npm start -- --fresh to start over)`);
  say();
  say(`Demo logins 演示账号 — mobile number + password ${DEMO_PASSWORD} (or one click on the portal's login page):`);
  for (const p of people) say(`  ${p.phone}  ${p.name}  ${p.roles.join(',').padEnd(20)} ${p.titleEn}`);
  say();
  say('Sign up as yourself 注册: on the login page, with any mobile number; the code arrives in the SMS box.');
  say();
  say('Press Ctrl-C to stop. 按 Ctrl-C 停止。');
};

const main = async () => {
  if (process.argv.includes('--fresh')) {
    await rm(DATA_DIR, { recursive: true, force: true });
    say(`--fresh: wiped ${shownDir}; starting over with a new demo district.`);
  }
  say(`Starting DynamoDB Local (data in ${shownDir}), bundling functions… (about 30 s)`);
  let stopping = false;
  const runtime = createStack({
    portal: true,
    persist: { dir: DATA_DIR },
    log: (line) => {
      if (verbose || /error|warn|dead/i.test(line)) say(line);
    },
  });
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const stack = await runtime.start();
  if (stopping) return;
  banner(stack);
  // Each SMS the emulator sends, as it is sent: the code is right here in the terminal too.
  watchMessages(stack.messageBox, (m) => say(`SMS → ${m.phone}: ${m.message}`));
};

main().catch((error) => {
  process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
  process.exit(1);
});
