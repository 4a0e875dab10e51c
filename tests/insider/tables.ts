/**
 * Brand-new tables for the four services, with the shared tables' definitions. The ledger's
 * audit reads its whole table and the bus reads whole outboxes, while DynamoDB Local is
 * shared by every test file: private tables make "whole" exactly what one property run
 * wrote. The services read their table names per request, so switching is an env change.
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { newId } from '@lianxin/shared/ids';
import { tableNames } from '../../infra/src/local/env';
import { tableDefinitions } from '../../infra/src/local/tables';

/** Point every service at fresh tables; the answer points them back and drops the fresh ones. */
export const useFreshTables = async (label: string): Promise<() => Promise<void>> => {
  const client = new DynamoDBClient({});
  const definitions = await tableDefinitions();
  const tag = newId(label).toLowerCase();
  const shared = Object.fromEntries(Object.keys(tableNames()).map((env) => [env, process.env[env]!]));
  const fresh = await Promise.all(Object.entries(shared).map(async ([env, name]) => {
    const definition = definitions.find((t) => t.TableName === name);
    if (!definition) throw new Error(`No definition for ${name}`);
    const { TimeToLiveSpecification: _ttl, PointInTimeRecoverySpecification: _pitr, StreamSpecification: _stream, ...table } = definition;
    const TableName = `${name}-${tag}`;
    await client.send(new CreateTableCommand({ ...table, TableName }));
    return [env, TableName] as const;
  }));
  Object.assign(process.env, Object.fromEntries(fresh));
  return async () => {
    Object.assign(process.env, shared);
    await Promise.all(fresh.map(([, TableName]) => client.send(new DeleteTableCommand({ TableName }))));
  };
};
