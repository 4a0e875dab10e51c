import { z } from '@hono/zod-openapi';
import { ADMIN_LOG_CURSOR } from '../db/adminLogPage';

/** The one error format (see ../errors.ts), documented once as the `Error` component. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

const ERROR_MEANINGS = {
  400: 'Invalid input or malformed JSON; `fields` names what is wrong',
  401: 'No or invalid bearer token',
  403: 'The role or scope does not allow it',
  404: 'Unknown id or code',
  409: 'The current state does not allow it',
  410: 'The code expired or was replaced',
  422: 'Idempotency-Key reused with another request',
  503: 'Temporarily unable; retry with the same Idempotency-Key after Retry-After',
} as const;

export type ErrorStatus = keyof typeof ERROR_MEANINGS;

/** A JSON response of `schema`. */
export const jsonContent = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body, for a route's `request.body`. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

/** The error answers a route may give, for its `responses`. */
export const errorResponses = <S extends ErrorStatus>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, jsonContent(ErrorBody, ERROR_MEANINGS[s])])) as Record<
    S,
    ReturnType<typeof jsonContent<typeof ErrorBody>>
  >;

/** The `Idempotency-Key` header of a POST that creates value, for a route's `request.headers`. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(128).openapi({ description: 'Any unique string; a retry with the same key and body gets the first answer' }),
});

/** Path parameters naming one id, e.g. `pathId('claimId')`. */
export const pathId = <K extends string>(name: K) =>
  z.object({ [name]: z.string().min(1).max(64) } as Record<K, z.ZodString>);

/** `?limit=&cursor=` of an admin log (shared/src/db/adminLogPage.ts): at most 100 a page. */
export const adminLogQuery = (defaultLimit: number) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(100).default(defaultLimit),
    cursor: z.string().max(300).regex(ADMIN_LOG_CURSOR, 'cursor must come from a previous page').optional(),
  });
