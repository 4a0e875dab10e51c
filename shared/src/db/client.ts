import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One DynamoDB client per process. The endpoint is never hard-coded: locally and on
 * LocalStack it comes from AWS_ENDPOINT_URL(_DYNAMODB), which the SDK reads itself.
 */
let shared: DynamoDBDocumentClient | undefined;

export const documentClient = (): DynamoDBDocumentClient => {
  shared ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
  return shared;
};

/** Replace the process client (tests inject fault-injecting middleware this way). */
export const useDocumentClient = (client: DynamoDBDocumentClient): void => {
  shared = client;
};
