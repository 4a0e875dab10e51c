/** Percentile by nearest rank over a sample (milliseconds in, milliseconds out). */
export const percentile = (sample: number[], p: number): number => {
  if (!sample.length) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export interface Metric { name: string; value: number; unit: string; baseline?: number; ratio?: number; [extra: string]: unknown }

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Run `task` from `callers` concurrent loops until `total` calls are done; calls/s. */
export const throughput = async (callers: number, total: number, task: (i: number) => Promise<unknown>) => {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: total / seconds, latencies };
};

export const emit = (metric: Metric) => process.stdout.write(`${JSON.stringify(metric)}\n`);
