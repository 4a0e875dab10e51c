import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { LOCAL_STAGE } from './env';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCES = ['serverless.yml', 'infra/resources/tables.yml'];

interface CfnTable {
  Type: string;
  Properties: CreateTableCommandInput & {
    TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
    PointInTimeRecoverySpecification?: unknown;
  };
}

const IDENTITY_PLACEHOLDERS = {
  AUTH_ISSUER: 'unset', AUTH_JWKS_URI: 'unset', AUTH_CLIENT_ID: 'unset', USER_POOL_ID: 'unset', ID_CARD_HASH_KEY: 'unset', DEV_MESSAGE_BOX_FILE: 'unset',
};

/**
 * The table definitions exactly as serverless.yml resolves them for a stage (`osls print`),
 * cached by the hash of the files they come from so tests do not pay for osls each run.
 */
export const tableDefinitions = async (stage = LOCAL_STAGE): Promise<CfnTable['Properties'][]> => {
  const sources = await Promise.all(SOURCES.map((f) => readFile(join(ROOT, f), 'utf8')));
  const hash = createHash('sha256').update(stage).update(sources.join('\0')).digest('hex').slice(0, 16);
  const cache = join(ROOT, '.local', `tables-${stage}-${hash}.json`);
  try {
    return JSON.parse(await readFile(cache, 'utf8'));
  } catch {
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'osls'), ['print', '--stage', stage, '--format', 'json'], {
      cwd: ROOT,
      // Tables come before the identity provider: its variables only need to resolve, to anything.
      env: { ...IDENTITY_PLACEHOLDERS, ...process.env },
      maxBuffer: 32 * 1024 * 1024,
    });
    const config = JSON.parse(stdout) as { resources: { Resources: Record<string, CfnTable> } };
    const tables = Object.values(config.resources.Resources)
      .filter((r) => r.Type === 'AWS::DynamoDB::Table')
      .map((r) => r.Properties);
    await mkdir(dirname(cache), { recursive: true });
    await writeFile(cache, JSON.stringify(tables, null, 2));
    return tables;
  }
};

/**
 * A kept store (`npm start` keeps its data) may predate an index added to serverless.yml
 * since: add each missing global secondary index, one UpdateTable at a time (DynamoDB
 * creates one index per call), and wait until each is ready.
 */
export const addMissingIndexes = async (client: DynamoDBClient, table: CfnTable['Properties']): Promise<string[]> => {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table.TableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = (table.GlobalSecondaryIndexes ?? []).filter((i) => !present.has(i.IndexName));
  for (const index of missing) {
    const names = new Set(index.KeySchema?.map((k) => k.AttributeName));
    await client.send(new UpdateTableCommand({
      TableName: table.TableName,
      AttributeDefinitions: table.AttributeDefinitions?.filter((a) => names.has(a.AttributeName)),
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
    }));
    await indexesActive(client, table.TableName!);
  }
  return missing.map((i) => i.IndexName!);
};

/** A new index answers queries only once backfilled (ACTIVE); wait for that, up to a minute. */
const indexesActive = async (client: DynamoDBClient, TableName: string) => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    if ((Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) return;
    if (Date.now() > deadline) throw new Error(`${TableName}: indexes not active within a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** CreateTable for each definition (idempotent), with streams and TTL as declared; indexes added to kept tables. */
export const createTables = async (client: DynamoDBClient, stage = LOCAL_STAGE): Promise<string[]> => {
  const definitions = await tableDefinitions(stage);
  for (const { TimeToLiveSpecification, PointInTimeRecoverySpecification: _pitr, ...table } of definitions) {
    try {
      await client.send(new CreateTableCommand({ ...table, StreamSpecification: { StreamEnabled: true, StreamViewType: table.StreamSpecification?.StreamViewType ?? 'NEW_IMAGE' } }));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      await addMissingIndexes(client, table);
    }
    if (TimeToLiveSpecification?.Enabled) {
      await client
        .send(new UpdateTimeToLiveCommand({ TableName: table.TableName, TimeToLiveSpecification }))
        .catch(() => undefined); // already enabled on a re-run
    }
  }
  return definitions.map((d) => d.TableName!);
};
