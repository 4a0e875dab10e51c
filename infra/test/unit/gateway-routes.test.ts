import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceDocuments } from '../../src/openapi/documents';

/**
 * Every route a service's app serves must also be a route of API Gateway (serverless.yml),
 * or it answers 404 on AWS and under `npm start` although every in-process test passes.
 */
interface HttpEvent { httpApi?: { method: string; path: string; authorizer?: { name: string } } }
const CFN_TAGS = ['GetAtt', 'Ref', 'Sub', 'If', 'Join', 'Select', 'Equals', 'Not', 'ImportValue'].map((tag) => ({ tag: `!${tag}`, resolve: (v: unknown) => v }));
const config = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'serverless.yml'), 'utf8'), { customTags: CFN_TAGS, logLevel: 'silent' }) as {
  functions: Record<string, { events?: HttpEvent[] }>;
};

/** A gateway path template serves a route when each segment is equal or a gateway parameter. */
const serves = (gateway: string, route: string) => {
  const [g, r] = [gateway.split('/'), route.split('/')];
  return g.length === r.length && g.every((segment, i) => segment === r[i] || /^\{\w+\}$/.test(segment));
};

describe('API Gateway routes', () => {
  it.each(Object.entries(serviceDocuments()))("declare every route of the %s app", (service, doc) => {
    const gateway = (config.functions[`${service}Http`]?.events ?? []).flatMap((e) => (e.httpApi ? [e.httpApi] : []));
    const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .map((method) => method.toUpperCase())
        .filter((method) => !gateway.some((g) => g.method === method && serves(g.path, path)))
        .map((method) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(serviceDocuments()))('put the authorizer on every route of the %s app but its public ones', (service, doc) => {
    const gateway = (config.functions[`${service}Http`]?.events ?? []).flatMap((e) => (e.httpApi ? [e.httpApi] : []));
    const wrong = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) => {
        const route = gateway.find((g) => g.method === method.toUpperCase() && serves(g.path, path));
        const open = Boolean(operation['x-public']);
        return route && open === Boolean(route.authorizer) ? [`${method.toUpperCase()} ${path} ${open ? 'is public but has' : 'lacks'} the authorizer`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });
});
