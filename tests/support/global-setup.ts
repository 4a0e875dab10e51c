import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../infra/src/local/dynamo';
import { localAwsEnv, localPorts } from '../../infra/src/local/env';
import { createTables } from '../../infra/src/local/tables';

/**
 * One DynamoDB Local for the whole run (on its own port, so a running `npm start` is left
 * alone), with every table created from serverless.yml's definitions.
 */
export default async function setup(project: TestProject) {
  const port = Number(process.env.TEST_DYNAMODB_PORT ?? 8100);
  const env = localAwsEnv({ ...localPorts(), dynamodb: port });
  Object.assign(process.env, env);
  const dynamo = await startDynamoLocal(port);
  await createTables(new DynamoDBClient({}));
  project.provide('awsEnv', env);
  return async () => {
    dynamo.kill();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    awsEnv: Record<string, string>;
  }
}
