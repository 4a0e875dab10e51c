import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Load on mount and whenever `deps` change; `reload()` refetches while keeping the old data shown. */
export const useResource = <T,>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> => {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
};

/** Call `fn` every `ms` while `enabled` (and the page is visible). */
export const useInterval = (fn: () => void, ms: number, enabled = true): void => {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (!enabled) return;
    const id = setInterval(() => {
      if (document.visibilityState !== 'hidden') ref.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms, enabled]);
};

/** The current time, refreshed every `ms`. */
export const useNow = (ms = 1000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
};

/** One button's worth of async work: busy flag, last error, and a guard against double clicks. */
export const useAction = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(async <R,>(work: () => Promise<R>): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
};

/**
 * A list read a page at a time, newest first: the first page loads on mount, `more()` appends
 * the next while there is a cursor, `reload()` starts over from the first page.
 */
export const usePages = <T,>(load: (cursor: string | undefined, signal?: AbortSignal) => Promise<{ items: T[]; cursor?: string | undefined }>) => {
  const first = useResource((signal) => load(undefined, signal), []);
  const [rest, setRest] = useState<{ items: T[]; cursor?: string | undefined }>({ items: [] });
  const action = useAction();
  const cursor = rest.items.length ? rest.cursor : first.data?.cursor;
  return {
    items: [...(first.data?.items ?? []), ...rest.items],
    loaded: first.data !== undefined,
    loading: first.loading,
    error: first.error ?? action.error,
    busy: action.busy,
    cursor,
    reload: () => {
      setRest({ items: [] });
      first.reload();
    },
    more: () =>
      void action.run(async () => {
        const page = await load(cursor);
        setRest((r) => ({ items: [...r.items, ...page.items], cursor: page.cursor }));
      }),
  };
};
