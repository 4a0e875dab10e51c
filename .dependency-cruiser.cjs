/**
 * The layer rules of docs/conventions.md, checked by `npm run check:deps` (part of `npm test`).
 * Inside a service: handlers → http / events → app → domain, with store beside app;
 * domain is pure; no service reaches into another; nothing imports in a circle.
 */
const SERVICE = '^services/([^/]+)/src/';
/** Shared code a pure domain may use: errors, ids, time, the policy and the event catalog. */
const SHARED_PURE = '^shared/src/(errors|ids|clock|retry|context|time/|auth/(principal|policy|rule)|events/(catalog|envelope))';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make layers meaningless.', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ imports only domain/, shared pure code and zod: no SDK, no I/O, no other layer.',
      from: { path: `${SERVICE}domain/` },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: [`${SERVICE}domain/`, SHARED_PURE, 'node_modules/(zod|@hono/zod-openapi)/', '^node:|^(crypto)$'],
      },
    },
    {
      name: 'http-never-imports-store',
      severity: 'error',
      comment: 'Routes parse, authorize, call one use case (app/) and map its answer.',
      from: { path: `${SERVICE}http/` },
      to: { path: `${SERVICE}store/` },
    },
    {
      name: 'app-below-edges',
      severity: 'error',
      comment: 'Use cases know nothing of HTTP, consumers or Lambda entry points.',
      from: { path: `${SERVICE}app/` },
      to: { path: `${SERVICE}(http|handlers)/` },
    },
    {
      name: 'store-below-app',
      severity: 'error',
      comment: 'Repositories hold data access only; orchestration lives in app/.',
      from: { path: `${SERVICE}store/` },
      to: { path: `${SERVICE}(app|http|events|handlers)/` },
    },
    {
      name: 'events-below-handlers',
      severity: 'error',
      comment: 'Consumers and event builders never import routes or entry points.',
      from: { path: `${SERVICE}events/` },
      to: { path: `${SERVICE}(http|handlers)/` },
    },
    {
      name: 'no-cross-service',
      severity: 'error',
      comment: 'A service learns of another only through events in the shared catalog.',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'shared-knows-no-service',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(services|infra|frontend)/' },
    },
    {
      name: 'portal-knows-no-backend-code',
      severity: 'error',
      comment: 'The portal talks to the API only; its types are generated from the OpenAPI documents.',
      from: { path: '^frontend/src/' },
      to: { path: '^(services|shared|infra)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.esbuild|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
