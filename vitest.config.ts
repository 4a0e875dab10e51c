import { defineConfig } from 'vitest/config';

const env = { LOG_LEVEL: 'warn', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        // Domain, store, HTTP and consumer tests of every service, on one DynamoDB Local.
        test: {
          name: 'services',
          include: ['shared/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'infra/test/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/worker-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          env,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The whole runtime as `npm start` runs it (osls offline, streams, bus, portal),
        // started once and shared by the end-to-end suites, which run one after another.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/stack-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          pool: 'forks',
          env,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
