import { defineConfig } from 'vitest/config';

// Tests write far faster than a person: the rate limits have their own tests (shared/test/unit/rateLimit.test.ts).
const env = {
  LOG_LEVEL: 'warn',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  RATE_LIMIT_WRITES_PER_PERSON: '100000',
  RATE_LIMIT_WRITES_PER_ADDRESS: '100000',
};

/**
 * Three projects, fastest first. `unit`: pure code, no Java, no network (`npm run test:unit`).
 * `integration`: each service's store, HTTP and consumer tests on one DynamoDB Local.
 * `e2e`: the whole runtime as `npm start` runs it, with the portal in Chromium; its files
 * share one stack and run one after another.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/test/unit/**/*.test.ts', 'services/*/test/unit/**/*.test.ts', 'infra/test/unit/**/*.test.ts', 'tests/unit/**/*.test.ts', 'frontend/test/unit/**/*.test.ts'],
          env,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['shared/test/integration/**/*.test.ts', 'services/*/test/integration/**/*.test.ts', 'infra/test/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/worker-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          env,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/stack-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          pool: 'forks',
          env,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
