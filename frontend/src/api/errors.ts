/** The one error format of the API: `{ error: { code, message, fields? } }`, plus client-side codes (NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

/** The ApiError a refused response carries; a body that is not the error format still gives a code. */
export const errorFromResponse = async (response: Response): Promise<ApiError> => {
  const text = await response.text().catch(() => '');
  let body: ErrorBody | undefined;
  try {
    body = text ? (JSON.parse(text) as ErrorBody) : undefined;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  return new ApiError(
    response.status,
    e?.code ?? (response.status >= 500 ? 'INTERNAL' : `HTTP_${response.status}`),
    e?.message ?? (text.slice(0, 200) || response.statusText),
    e?.fields,
  );
};

/** The abort of a superseded load: not an error to show, nor to retry. */
export const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';

/** A fetch that never got an answer (offline, connection dropped). */
export const networkError = (error: unknown): ApiError => new ApiError(0, 'NETWORK', (error as Error | null)?.message || 'Network error');

/** A gateway hiccup (cold function, 502/503/504) or a dropped connection: a read is worth a second try. */
export const transient = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);

/** No definitive answer yet (network failure, 5xx, still running): a retry with the same Idempotency-Key is safe. */
export const unanswered = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.code === 'REQUEST_IN_PROGRESS');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Up to two quiet retries of `send` while `worthRetrying` says so, waiting a little longer each time. */
export const withRetries = async <T>(send: () => Promise<T>, worthRetrying: (error: unknown) => boolean, pauseMs: number, signal?: AbortSignal): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!worthRetrying(error) || attempt >= 2 || signal?.aborted) throw error;
      await sleep(pauseMs * (attempt + 1));
    }
  }
};
