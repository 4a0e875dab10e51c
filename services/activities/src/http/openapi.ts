import { z } from '@hono/zod-openapi';

/** Pieces every route's OpenAPI description uses: JSON bodies, the error format, bearer security. */
const ErrorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
  })
  .openapi('Error');

const ERROR_MEANINGS = {
  400: 'Bad input (the fields are named)',
  401: 'No or invalid bearer token',
  403: 'Role or scope does not allow it',
  404: 'Unknown id',
  409: 'State conflict',
  422: 'Idempotency-Key reused with another body',
} as const;

export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The error answers a route may give, in the one error format. */
export const errors = <S extends keyof typeof ERROR_MEANINGS>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(ErrorBody, ERROR_MEANINGS[s])])) as Record<S, ReturnType<typeof json<typeof ErrorBody>>>;

/** Every route but the OpenAPI document needs the bearer token. */
export const bearer = [{ bearer: [] }];

/** A required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });
