import { z } from '@hono/zod-openapi';

/** Pieces every route's OpenAPI description uses: JSON bodies, the error format, bearer security. */
// The error format and JSON content helpers are shared by every service.
export { errorResponses as errors, jsonContent as json } from '@lianxin/shared/http/openapi';

/** Every route but the OpenAPI document needs the bearer token. */
export const bearer = [{ bearer: [] }];

/** A required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });
