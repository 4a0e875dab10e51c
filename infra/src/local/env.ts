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
  cognito: Number(process.env.COGNITO_PORT ?? 9229),
});

export const tableNames = (stage = LOCAL_STAGE) => ({
  ACTIVITIES_TABLE: `lianxin-${stage}-activities`,
  HOURS_TABLE: `lianxin-${stage}-hours`,
  LEDGER_TABLE: `lianxin-${stage}-ledger`,
  REDEMPTION_TABLE: `lianxin-${stage}-redemption`,
  PEOPLE_TABLE: `lianxin-${stage}-people`,
});

/**
 * The local stage trusts the Cognito emulator that the stack runs (infra/src/local/cognito):
 * its issuer is the emulator's address and user pool, as on AWS it is Cognito's. The people
 * service reaches the emulator's admin API through the SDK's endpoint variable.
 */
export const localAuthEnv = (cognitoPort: number, pool: { userPoolId: string; clientId: string }): Record<string, string> => {
  const endpoint = `http://127.0.0.1:${cognitoPort}`;
  const issuer = `${endpoint}/${pool.userPoolId}`;
  return {
    AUTH_MODE: 'local',
    AUTH_ISSUER: issuer,
    AUTH_JWKS_URI: `${issuer}/.well-known/jwks.json`,
    AUTH_CLIENT_ID: pool.clientId,
    USER_POOL_ID: pool.userPoolId,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
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
  STAGE: LOCAL_STAGE,
  ...tableNames(),
});
