import type { Answer } from '../api';

/** One write of a burst: what it is (for the assertions after the restart) and how to send it. */
export interface Write { kind: string; userId: string; send: () => Promise<Answer> }
export interface Answered { kind: string; userId: string; body: any }

/**
 * Send every write at once and call `kill` as soon as `killAfter` of them have been answered
 * with a 2xx, while others are still in flight. Returns the writes answered with a 2xx (a
 * write that failed or lost its answer to the kill promises nothing) and how many writes
 * were still unanswered when the kill began.
 */
export const burstThenKill = async (writes: Write[], killAfter: number, kill: () => Promise<void>) => {
  const answered: Answered[] = [];
  let settled = 0;
  let inFlightAtKill = 0;
  let killed: Promise<void> | undefined;
  await Promise.all(
    writes.map(async ({ kind, userId, send }) => {
      const answer = await send().catch(() => undefined);
      settled += 1;
      if (!answer || answer.status < 200 || answer.status > 299) return;
      answered.push({ kind, userId, body: answer.body });
      if (answered.length === killAfter) {
        inFlightAtKill = writes.length - settled;
        killed = kill();
      }
    }),
  );
  // Fewer 2xx answers than the threshold: kill all the same (the test sees inFlightAtKill 0).
  await (killed ?? kill());
  return { answered, inFlightAtKill };
};
