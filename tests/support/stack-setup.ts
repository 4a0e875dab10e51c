import type { TestProject } from 'vitest/node';
import { type Ports, startStack } from '../../infra/src/local/stack';

/** Ports of the test stack: away from `npm start`'s defaults so both can run at once. */
const TEST_PORTS: Ports = { dynamodb: 8200, api: 3200, lambda: 3202, eventbridge: 4200, deadLetters: 4220, portal: 5200 };

export default async function setup(project: TestProject) {
  const lines: string[] = [];
  const stack = await startStack({ portal: true, ports: TEST_PORTS, log: (l) => lines.push(l) }).catch((error) => {
    process.stderr.write(`${lines.slice(-60).join('\n')}\n`);
    throw error;
  });
  project.provide('stack', { apiUrl: stack.apiUrl, portalUrl: stack.portalUrl, ports: stack.ports, deadLettersUrl: `http://127.0.0.1:${stack.ports.deadLetters}` });
  return async () => {
    await stack.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { apiUrl: string; portalUrl: string; ports: Ports; deadLettersUrl: string };
  }
}
