import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { jwksOf, newSigningKey } from '@lianxin/shared/auth/token';
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../infra/src/local/dynamo';
import { localAwsEnv, localPorts } from '../../infra/src/local/env';
import { createTables } from '../../infra/src/local/tables';

/**
 * The run's token issuer: one key pair, its JWKS served on the loopback like a real issuer's,
 * so every module graph of every test worker (a fresh graph stands for another Lambda)
 * verifies tokens the production way, by fetching the JWKS; `caller` signs with the key.
 */
const startTestIssuer = async () => {
  const key = newSigningKey();
  const keyFile = join(tmpdir(), `lianxin-test-issuer-${process.pid}.json`);
  writeFileSync(keyFile, JSON.stringify(key), { mode: 0o600 });
  const jwks = JSON.stringify(jwksOf(key));
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = { AUTH_MODE: 'local', AUTH_ISSUER: issuer, AUTH_JWKS_URI: `${issuer}/.well-known/jwks.json`, AUTH_CLIENT_ID: 'lianxin-test-client', TEST_SIGNING_KEY_FILE: keyFile };
  return { env, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/**
 * One DynamoDB Local for the whole run (on its own port, so a running `npm start` is left
 * alone), with every table created from serverless.yml's definitions.
 */
export default async function setup(project: TestProject) {
  const port = Number(process.env.TEST_DYNAMODB_PORT ?? 8100);
  const issuer = await startTestIssuer();
  // The people service hashes ID card numbers with a key it is given, never a built-in one.
  const env = { ...localAwsEnv({ ...localPorts(), dynamodb: port }), ...issuer.env, ID_CARD_HASH_KEY: randomBytes(32).toString('base64url') };
  Object.assign(process.env, env);
  const dynamo = await startDynamoLocal(port);
  await createTables(new DynamoDBClient({}));
  project.provide('awsEnv', env);
  return async () => {
    dynamo.kill();
    await issuer.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    awsEnv: Record<string, string>;
  }
}
