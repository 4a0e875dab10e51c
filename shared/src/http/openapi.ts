import { z } from '@hono/zod-openapi';

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
  503: 'Temporarily unable; retry with the same Idempotency-Key',
} as const;

export type ErrorStatus = keyof typeof ERROR_MEANINGS;

export const jsonContent = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The error answers a route may give, for its `responses`. */
export const errorResponses = <S extends ErrorStatus>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, jsonContent(ErrorBody, ERROR_MEANINGS[s])])) as Record<
    S,
    ReturnType<typeof jsonContent<typeof ErrorBody>>
  >;
