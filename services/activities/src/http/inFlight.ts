import type { AppError } from '@lianxin/shared/errors';
import type { AppEnv } from '@lianxin/shared/http/app';
import type { MiddlewareHandler } from 'hono';

/** Requests queued for one key: each waits to be woken when a place frees up, or times out. */
interface Lane { active: number; queue: (() => void)[] }

/**
 * At most `width` requests per key (here: per shift) in flight in this process; the others
 * queue here for up to `waitMs`, then are refused with `busy()` (a 503 whose Retry-After the
 * app's error mapping sends). A thousand claims fired at one shift would otherwise all reach
 * DynamoDB at once, queue inside the SDK and time out (500); held here, each is answered in turn.
 */
export const limitInFlight = (param: string, width: number, waitMs: number, busy: () => AppError): MiddlewareHandler<AppEnv> => {
  const lanes = new Map<string, Lane>();

  const enter = (lane: Lane) =>
    new Promise<boolean>((resolve) => {
      if (lane.active < width) {
        lane.active++;
        resolve(true);
        return;
      }
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        lane.queue.splice(lane.queue.indexOf(wake), 1);
        resolve(false);
      }, waitMs);
      lane.queue.push(wake);
    });

  const leave = (key: string, lane: Lane) => {
    const next = lane.queue.shift();
    if (next) next(); // the place passes on: `active` stays as it is
    else if (--lane.active === 0) lanes.delete(key);
  };

  return async (c, next) => {
    const key = c.req.param(param) ?? '';
    const lane = lanes.get(key) ?? { active: 0, queue: [] };
    lanes.set(key, lane);
    if (!(await enter(lane))) throw busy();
    try {
      await next();
    } finally {
      leave(key, lane);
    }
  };
};
