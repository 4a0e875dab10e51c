/** The one error format every Lianxin API speaks: `{ error: { code, message, fields? } }`. */
export type FieldErrors = Record<string, string>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 422 | 500 | 503;

export class AppError extends Error {
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
