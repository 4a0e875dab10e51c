import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One DynamoDB client per process. The endpoint is never hard-coded: locally and on
 * LocalStack it comes from AWS_ENDPOINT_URL(_DYNAMODB), which the SDK reads itself.
 */
let shared: DynamoDBDocumentClient | undefined;

/**
 * The SDK waits forever for a response by default; a request stuck on a dead keep-alive
 * socket would then hang its Lambda until timeout. Fail it and let the SDK retry (a retried
 * TransactWriteItems reuses its ClientRequestToken, so a lost answer cannot apply twice).
 * Generous, because DynamoDB Local under a full parallel test run answers in seconds.
 */
export const REQUEST_LIMITS = { requestTimeout: 8_000, throwOnRequestTimeout: true };

export const documentClient = (): DynamoDBDocumentClient => {
  shared ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5, requestHandler: REQUEST_LIMITS }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
  return shared;
};

/** Replace the process client (tests inject fault-injecting middleware this way). */
export const useDocumentClient = (client: DynamoDBDocumentClient): void => {
  shared = client;
};
