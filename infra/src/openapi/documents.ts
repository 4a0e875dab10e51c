import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp as activities } from '@lianxin/activities/http/app';
import { createApp as hours } from '@lianxin/hours/http/app';
import { createApp as ledger } from '@lianxin/ledger/http/app';
import { createApp as people } from '@lianxin/people/http/app';
import { createApp as redemption } from '@lianxin/redemption/http/app';

/**
 * Every service's HTTP app, by service name: the source of the API's documents and of the
 * route matrix (a service missing here fails the matrix test).
 */
export const SERVICE_APPS: Record<string, () => OpenAPIHono<never>> = {
  activities: activities as never,
  hours: hours as never,
  ledger: ledger as never,
  people: people as never,
  redemption: redemption as never,
};

export interface Operation {
  summary?: string;
  'x-action'?: string;
  'x-public'?: string;
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  [key: string]: unknown;
}

/** Each service's OpenAPI 3.1 document, generated from the zod schemas that validate its requests. */
export const serviceDocuments = (): Record<string, OpenApiDocument> =>
  Object.fromEntries(
    Object.entries(SERVICE_APPS).map(([service, create]) => [
      service,
      create().getOpenAPI31Document({ openapi: '3.1.0', info: { title: `Lianxin ${service} API`, version: '1.0.0' } }) as unknown as OpenApiDocument,
    ]),
  );

/**
 * One document for the whole API, as the portal sees it behind one origin. Two services
 * may name the same component only if they mean the same thing (the shared `Error`).
 */
export const mergedDocument = (documents: Record<string, OpenApiDocument>): OpenApiDocument => {
  const paths: OpenApiDocument['paths'] = {};
  const schemas: Record<string, unknown> = {};
  for (const [service, doc] of Object.entries(documents)) {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (paths[path]) throw new Error(`${service} declares ${path}, which another service already serves`);
      paths[path] = item;
    }
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) {
        throw new Error(`${service} defines the component ${name} differently from another service: rename one`);
      }
      schemas[name] = schema;
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Lianxin API', version: '1.0.0' },
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
};
