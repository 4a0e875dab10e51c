/** The one error format every Lianxin API speaks: `{ error: { code, message, fields? } }`. */
export type FieldErrors = Record<string, string>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 500 | 503;

export class AppError extends Error {
  /** For 503s and 429s: how many seconds until a retry may succeed (sent as `Retry-After`). */
  retryAfterSeconds?: number;

  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const invalid = (fields: FieldErrors, message = 'The request has invalid fields') =>
  new AppError(400, 'VALIDATION_FAILED', message, fields);

export const notFound = (what: string, id: string) =>
  new AppError(404, `${what.toUpperCase()}_NOT_FOUND`, `No ${what} with id ${id}`, { [`${what}Id`]: 'not found' });

export const forbidden = (message: string) => new AppError(403, 'FORBIDDEN', message);

export const unauthorized = (message = 'A valid bearer token is required') =>
  new AppError(401, 'UNAUTHORIZED', message);

export const conflict = (code: string, message: string, fields?: FieldErrors) =>
  new AppError(409, code, message, fields);

/** A pure rule answers either its result or the AppError that refuses the command. */
export type Result<T> = T | AppError;

/** Unwrap a rule's answer at the edge (use case, HTTP): a refusal is thrown. */
export const must = <T>(result: Result<T>): T => {
  if (result instanceof AppError) throw result;
  return result;
};

/** 503: temporarily unable; the answer's `Retry-After` says when to try again (same Idempotency-Key). */
export const busy = (code: string, message: string, retryAfterSeconds = 1, fields?: FieldErrors): AppError =>
  Object.assign(new AppError(503, code, message, fields), { retryAfterSeconds });

/** 429: too many writes by this person or from this address; `Retry-After` says when the window reopens. */
export const rateLimited = (retryAfterSeconds: number): AppError =>
  Object.assign(new AppError(429, 'RATE_LIMITED', 'Too many changes in a short time; try again later'), { retryAfterSeconds });

/** 422: an Idempotency-Key already answered another request. */
export const keyReused = () =>
  new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request', { 'Idempotency-Key': 'reused with another body' });
