import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AuthConfigError, readAuthConfig } from '@lianxin/shared/auth/token';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';

const TABLE_ENVS = ['ACTIVITIES_TABLE', 'HOURS_TABLE', 'LEDGER_TABLE', 'REDEMPTION_TABLE'] as const;
let client: DynamoDBClient | undefined;

/** Which issuer the stage trusts; a stage without an explicit auth mode is not healthy. */
const authStatus = (): { ok: boolean; auth: string } => {
  try {
    return { ok: true, auth: readAuthConfig().mode };
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    return { ok: false, auth: `MISCONFIGURED: ${error.message}` };
  }
};

/**
 * `GET /health`: the stage answers, its authentication is configured and every service
 * table is reachable and active (`npm start` waits for this, so it refuses to come up
 * without an auth mode).
 */
export const http = async (): Promise<APIGatewayProxyResultV2> => {
  client ??= new DynamoDBClient({});
  const tables = Object.fromEntries(
    await Promise.all(
      TABLE_ENVS.map(async (env) => {
        const name = env.replace('_TABLE', '').toLowerCase();
        try {
          const { Table } = await client!.send(new DescribeTableCommand({ TableName: process.env[env] }));
          return [name, Table?.TableStatus ?? 'UNKNOWN'];
        } catch (error) {
          return [name, `UNREACHABLE: ${(error as Error).name}`];
        }
      }),
    ),
  );
  const { ok: authOk, auth } = authStatus();
  const ok = authOk && Object.values(tables).every((s) => s === 'ACTIVE');
  return {
    statusCode: ok ? 200 : 503,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: ok ? 'ok' : 'degraded', stage: process.env.STAGE, auth, tables }),
  };
};
