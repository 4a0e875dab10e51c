import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Children run in their own process group, so stopping one also stops what it started
 * (osls offline's workers, esbuild, Java): no orphans after Ctrl-C.
 */
export const spawnGroup = (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: (line: string) => void; name: string }) => {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (data: Buffer) => {
    for (const line of data.toString('utf8').split('\n')) if (line.trim()) options.log(`[${options.name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
};

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null && child.pid !== undefined;

const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
};

export const stopGroup = async (child: ChildProcess, graceMs = 5000): Promise<void> => {
  if (!running(child)) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
};

/** SIGKILL the whole group at once: no handler runs, nothing is flushed (a power cut). */
export const killGroup = async (child: ChildProcess): Promise<void> => {
  if (!running(child)) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  signalGroup(child, 'SIGKILL');
  await exited;
};
