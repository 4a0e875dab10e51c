import { join } from 'node:path';

/**
 * Environment of the local runtime. The SDK reads AWS_ENDPOINT_URL_<SERVICE> itself, so
 * the handlers never name an endpoint: the same code runs on Lambda and LocalStack.
 */
export const LOCAL_STAGE = 'local';

export const localPorts = () => ({
  dynamodb: Number(process.env.DYNAMODB_PORT ?? 8000),
  api: Number(process.env.API_PORT ?? 3000),
  lambda: Number(process.env.LAMBDA_PORT ?? 3002),
  eventbridge: Number(process.env.EVENTBRIDGE_PORT ?? 4010),
  deadLetters: Number(process.env.DEAD_LETTER_PORT ?? 4020),
  portal: Number(process.env.PORTAL_PORT ?? 5173),
});

export const tableNames = (stage = LOCAL_STAGE) => ({
  ACTIVITIES_TABLE: `lianxin-${stage}-activities`,
  HOURS_TABLE: `lianxin-${stage}-hours`,
  LEDGER_TABLE: `lianxin-${stage}-ledger`,
  REDEMPTION_TABLE: `lianxin-${stage}-redemption`,
});

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * The local stage trusts the dev identity provider (infra/src/identity), served by the
 * local API itself. Its key file is per API port, so a test stack and `npm start` each
 * have their own issuer and key.
 */
export const localAuthEnv = (apiPort: number): Record<string, string> => {
  const issuer = `http://127.0.0.1:${apiPort}/auth`;
  return {
    AUTH_MODE: 'local',
    AUTH_ISSUER: issuer,
    AUTH_JWKS_URI: `${issuer}/.well-known/jwks.json`,
    AUTH_CLIENT_ID: 'lianxin-local-portal',
    DEV_IDENTITY_KEY_FILE: join(ROOT, '.local', `dev-identity-key-${apiPort}.json`),
  };
};

/** Everything a local process (offline, seed, tests) needs to reach local AWS stand-ins. */
export const localAwsEnv = (ports = localPorts()): Record<string, string> => ({
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamodb}`,
  AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${ports.eventbridge}`,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  EVENT_BUS_NAME: `lianxin-${LOCAL_STAGE}`,
  ...localAuthEnv(ports.api),
  STAGE: LOCAL_STAGE,
  ...tableNames(),
});
