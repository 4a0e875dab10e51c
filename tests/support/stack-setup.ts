import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Ports, startStack } from '../../infra/src/local/stack';

/**
 * Ports of the test stack: away from `npm start`'s defaults so both can run at once;
 * E2E_PORT_OFFSET shifts them all, for two test runs side by side.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const TEST_PORTS = Object.fromEntries(
  Object.entries({ dynamodb: 8200, api: 3200, lambda: 3202, eventbridge: 4200, deadLetters: 4220, portal: 5200, cognito: 9200 }).map(([k, v]) => [k, v + offset]),
) as Ports;

export default async function setup(project: TestProject) {
  // The suites write far faster than a person; the rate limits have their own tests.
  process.env.RATE_LIMIT_WRITES_PER_PERSON = '100000';
  process.env.RATE_LIMIT_WRITES_PER_ADDRESS = '100000';
  // The runtime's own log, for when a test fails: .local/e2e-stack.log.
  await mkdir(join(ROOT, '.local'), { recursive: true });
  const logFile = createWriteStream(join(ROOT, '.local', 'e2e-stack.log'));
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    logFile.write(`${new Date().toISOString()} ${line}\n`);
  };
  const stack = await startStack({ portal: true, ports: TEST_PORTS, log }).catch((error) => {
    process.stderr.write(`${lines.slice(-60).join('\n')}\n`);
    throw error;
  });
  project.provide('stack', { apiUrl: stack.apiUrl, portalUrl: stack.portalUrl, ports: stack.ports, deadLettersUrl: `http://127.0.0.1:${stack.ports.deadLetters}` });
  return async () => {
    await stack.stop();
    logFile.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { apiUrl: string; portalUrl: string; ports: Ports; deadLettersUrl: string };
  }
}
